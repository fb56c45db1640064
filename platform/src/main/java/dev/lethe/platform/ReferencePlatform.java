package dev.lethe.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The reference platform: a WhatsApp/Instagram/Messenger/Telegram chatbot-CRM schema on PostgreSQL,
 * MariaDB or H2, and the data map that describes it to Lethe.
 */
public final class ReferencePlatform {

  /** The platform's tables, parents before children (the order they are created and filled). */
  public static final List<String> TABLES =
      List.of(
          "accounts",
          "sessions",
          "workspaces",
          "memberships",
          "bots",
          "flows",
          "triggers",
          "sequences",
          "broadcasts",
          "templates",
          "channels",
          "contacts",
          "contact_labels",
          "conversations",
          "messages",
          "attachments",
          "notes",
          "orders",
          "order_items",
          "reorder_cycles",
          "customer_memories",
          "kb_documents",
          "kb_chunks",
          "kb_embeddings",
          "ai_call_logs",
          "oauth_tokens",
          "api_keys",
          "notifications",
          "referral_codes",
          "subscriptions",
          "credits",
          "credit_transactions",
          "invoices",
          "audit_logs",
          "analytics_daily");

  private static final String DATA_MAP = "/lethe/reference-platform.yaml";

  private ReferencePlatform() {}

  /**
   * Creates the platform's tables, indexes and foreign keys in the data source's current schema.
   *
   * @throws IllegalStateException if the tables already exist
   */
  public static void createSchema(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(connection);
      if (tablesExist(connection)) {
        throw new IllegalStateException(
            "the reference platform's tables already exist in this schema; drop them first");
      }
      String script = resourceText(dialect.schemaResource());
      try (Statement statement = connection.createStatement()) {
        for (String sql : SqlScript.statements(script)) {
          statement.execute(sql);
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the reference platform schema", e);
    }
  }

  /** Drops the platform's tables that exist in the data source's current schema. */
  public static void dropSchema(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(Dialect.of(connection).dropCycleForeignKey());
      for (String table : TABLES.reversed()) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the reference platform schema", e);
    }
  }

  /** The class-path location of the reference data map. */
  public static String dataMapResource() {
    return DATA_MAP.substring(1);
  }

  /** Opens the reference data map (YAML); the caller closes the stream. */
  public static InputStream openDataMap() {
    InputStream in = ReferencePlatform.class.getResourceAsStream(DATA_MAP);
    if (in == null) {
      throw new IllegalStateException("missing class-path resource " + DATA_MAP);
    }
    return in;
  }

  /** The reference data map's YAML text. */
  public static String dataMapText() {
    return resourceText(DATA_MAP);
  }

  static String resourceText(String resource) {
    try (InputStream in = ReferencePlatform.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static boolean tablesExist(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT id FROM accounts WHERE 1 = 0").close();
      return true;
    } catch (SQLException missing) {
      if (!autoCommit) {
        connection.rollback();
      }
      return false;
    }
  }
}
