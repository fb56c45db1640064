package dev.lethe.platform.generator;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Fills the reference platform's schema with realistic, deterministic data: the same sizes, seed
 * and "now" give byte-identical rows on every run. Rows are streamed (PostgreSQL {@code COPY},
 * multi-row inserts on MariaDB, JDBC batches on H2), so memory stays flat whatever the size.
 *
 * <pre>{@code
 * new PlatformGenerator(Sizes.small(), 42, PlatformGenerator.REFERENCE_NOW).generate(dataSource);
 * }</pre>
 */
public final class PlatformGenerator {

  /** The default "now" the generated history leads up to. */
  public static final Instant REFERENCE_NOW = Instant.parse("2026-07-01T00:00:00Z");

  private final Sizes sizes;
  private final long seed;
  private final Instant now;
  private final Path filesDirectory;
  private final Progress progress;

  public PlatformGenerator(Sizes sizes, long seed, Instant now) {
    this(sizes, seed, now, null, Progress.NONE);
  }

  private PlatformGenerator(
      Sizes sizes, long seed, Instant now, Path filesDirectory, Progress progress) {
    this.sizes = Objects.requireNonNull(sizes, "sizes");
    this.seed = seed;
    this.now = Objects.requireNonNull(now, "now");
    this.filesDirectory = filesDirectory;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** Fills a fresh schema with {@link Sizes#small()} data as of {@link #REFERENCE_NOW}. */
  public static Map<String, Long> generateSmall(DataSource dataSource, long seed) {
    return new PlatformGenerator(Sizes.small(), seed, REFERENCE_NOW).generate(dataSource);
  }

  /** Also writes one small file per avatar, attachment and document under {@code directory}. */
  public PlatformGenerator withFiles(Path directory) {
    return new PlatformGenerator(
        sizes, seed, now, Objects.requireNonNull(directory, "directory"), progress);
  }

  public PlatformGenerator withProgress(Progress progress) {
    return new PlatformGenerator(sizes, seed, now, filesDirectory, progress);
  }

  /**
   * Fills the (empty) platform tables of the data source's current schema and moves every id
   * generator past the generated ids.
   *
   * @return the number of rows written per table, in the order they were written
   */
  public Map<String, Long> generate(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Target target = Target.of(connection);
      target.prepare(connection);
      try {
        connection.setAutoCommit(false);
        return fill(connection, target);
      } finally {
        connection.setAutoCommit(true);
        target.release(connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot generate the reference platform data", e);
    }
  }

  private Map<String, Long> fill(Connection connection, Target target) throws SQLException {
    Layout layout = new Layout(sizes, seed, now);
    FileStore files = new FileStore(filesDirectory);
    AccountRows accounts = new AccountRows(layout, files);
    BotRows bots = new BotRows(layout, files);
    ContactRows contacts = new ContactRows(layout);
    ConversationRows conversations = new ConversationRows(layout, files);
    BillingRows billing = new BillingRows(layout);
    Map<String, Long> written = new LinkedHashMap<>();
    Tables tables =
        (table, rows, columns) -> {
          written.put(table, rows);
          try {
            return target.open(connection, table, columns, rows, progress);
          } catch (SQLException e) {
            throw new IllegalStateException("cannot start writing " + table, e);
          }
        };
    accounts.accounts(tables);
    accounts.sessions(tables);
    accounts.workspaces(tables);
    accounts.memberships(tables);
    setDefaultWorkspaces(connection, layout.workspaces);
    bots.bots(tables);
    bots.flows(tables);
    bots.triggers(tables);
    bots.sequences(tables);
    bots.broadcasts(tables);
    bots.templates(tables);
    bots.channels(tables);
    contacts.contacts(tables);
    contacts.contactLabels(tables);
    conversations.conversations(tables);
    conversations.messages(tables);
    conversations.attachments(tables);
    contacts.notes(tables);
    contacts.orders(tables);
    contacts.orderItems(tables);
    contacts.reorderCycles(tables);
    contacts.customerMemories(tables);
    bots.kbDocuments(tables);
    bots.kbChunks(tables);
    bots.kbEmbeddings(tables);
    conversations.aiCallLogs(tables);
    accounts.oauthTokens(tables);
    billing.apiKeys(tables);
    accounts.notifications(tables);
    accounts.referralCodes(tables);
    billing.subscriptions(tables);
    billing.credits(tables);
    billing.creditTransactions(tables);
    billing.invoices(tables);
    billing.auditLogs(tables);
    billing.analyticsDaily(tables);
    for (String table : written.keySet()) {
      target.restartIdentity(connection, table);
    }
    return Collections.unmodifiableMap(written);
  }

  /** Owners default to the workspace they own, agents to the first workspace they work in. */
  private static void setDefaultWorkspaces(Connection connection, int workspaces)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE accounts SET default_workspace_id = CASE WHEN id <= ? THEN id ELSE"
                + " (SELECT MIN(m.workspace_id) FROM memberships m"
                + " WHERE m.account_id = accounts.id) END")) {
      update.setLong(1, workspaces);
      update.executeUpdate();
    }
    connection.commit();
  }

  /**
   * How much to generate. Contacts and messages are totals spread over the workspaces with a skew:
   * the first workspaces are large, the tail small. Everything else follows from these three.
   */
  public record Sizes(int workspaces, long contacts, long messages) {
    public Sizes {
      if (workspaces < 1 || workspaces > 1_000_000) {
        throw new IllegalArgumentException("workspaces must be 1..1,000,000, not " + workspaces);
      }
      if (contacts < workspaces) {
        throw new IllegalArgumentException("need at least one contact per workspace");
      }
      if (messages < 0) {
        throw new IllegalArgumentException("messages must not be negative");
      }
    }

    /** 3 workspaces, 60 contacts, 2,000 messages: seconds, for tests. */
    public static Sizes small() {
      return new Sizes(3, 60, 2_000);
    }

    /** 100 workspaces, 50,000 contacts, 1,000,000 messages. */
    public static Sizes medium() {
      return new Sizes(100, 50_000, 1_000_000);
    }

    /** 2,000 workspaces, 500,000 contacts, 10,000,000 messages: for benchmarks. */
    public static Sizes large() {
      return new Sizes(2_000, 500_000, 10_000_000);
    }
  }

  /** Told how far each table is, every 100,000 rows and when the table is done. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (table, written, total) -> {};

    void rows(String table, long written, long total);
  }
}
