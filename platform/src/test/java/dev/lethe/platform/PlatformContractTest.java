package dev.lethe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the reference platform promises on every database; subclassed once per database. */
abstract class PlatformContractTest {

  private TestDatabase db;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create(kind());
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void the_schema_creates_every_platform_table() throws SQLException {
    ReferencePlatform.createSchema(db.dataSource());

    for (String table : ReferencePlatform.TABLES) {
      assertThat(count(db.dataSource(), table)).as(table).isZero();
    }
  }

  @Test
  void creating_the_schema_over_existing_tables_fails_clearly() {
    ReferencePlatform.createSchema(db.dataSource());

    assertThatThrownBy(() -> ReferencePlatform.createSchema(db.dataSource()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already exist");
  }

  @Test
  void a_dropped_schema_can_be_created_again() {
    ReferencePlatform.createSchema(db.dataSource());
    PlatformGenerator.generateSmall(db.dataSource(), 1);

    ReferencePlatform.dropSchema(db.dataSource());
    ReferencePlatform.dropSchema(db.dataSource());

    ReferencePlatform.createSchema(db.dataSource());
  }

  @Test
  void the_small_generator_fills_every_table() throws SQLException {
    ReferencePlatform.createSchema(db.dataSource());

    Map<String, Long> written = PlatformGenerator.generateSmall(db.dataSource(), 7);

    assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(ReferencePlatform.TABLES);
    for (String table : ReferencePlatform.TABLES) {
      assertThat(count(db.dataSource(), table))
          .as(table)
          .isPositive()
          .isEqualTo(written.get(table));
    }
    assertThat(written.get("messages")).isEqualTo(Sizes.small().messages());
    assertThat(written.get("contacts")).isEqualTo(Sizes.small().contacts());
  }

  @Test
  void the_same_seed_gives_identical_tables_and_another_seed_does_not() throws Exception {
    try (TestDatabase twin = TestDatabase.create(kind());
        TestDatabase other = TestDatabase.create(kind())) {
      for (TestDatabase each : new TestDatabase[] {db, twin, other}) {
        ReferencePlatform.createSchema(each.dataSource());
      }
      PlatformGenerator.generateSmall(db.dataSource(), 42);
      PlatformGenerator.generateSmall(twin.dataSource(), 42);
      PlatformGenerator.generateSmall(other.dataSource(), 43);

      assertThat(checksums(twin.dataSource())).isEqualTo(checksums(db.dataSource()));
      assertThat(checksums(other.dataSource()).get("contacts"))
          .isNotEqualTo(checksums(db.dataSource()).get("contacts"));
    }
  }

  @Test
  void rows_inserted_without_an_id_after_generation_get_fresh_ids() throws SQLException {
    ReferencePlatform.createSchema(db.dataSource());
    PlatformGenerator.generateSmall(db.dataSource(), 7);

    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO accounts (email, name, locale, created_at) VALUES"
              + " ('new.user@example.com', 'New User', 'en-US', CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO contacts (workspace_id, name, lead_score, lifecycle, first_seen_at,"
              + " created_at) VALUES (1, 'New Contact', 0, 'lead', CURRENT_TIMESTAMP,"
              + " CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO messages (workspace_id, conversation_id, direction, sender_type, body,"
              + " created_at) VALUES (1, 1, 'in', 'contact', 'hello', CURRENT_TIMESTAMP)");
      s.executeUpdate(
          "INSERT INTO analytics_daily (stats_day, conversations, messages) VALUES (CURRENT_DATE, 1, 2)");
    }
    assertThat(count(db.dataSource(), "accounts")).isEqualTo(maxId(db.dataSource(), "accounts"));
    assertThat(count(db.dataSource(), "messages")).isEqualTo(Sizes.small().messages() + 1);
  }

  @Test
  void the_generated_history_looks_like_a_real_crm() throws SQLException {
    ReferencePlatform.createSchema(db.dataSource());
    PlatformGenerator.generateSmall(db.dataSource(), 7);
    Instant thirteenMonthsAgo =
        PlatformGenerator.REFERENCE_NOW.atOffset(ZoneOffset.UTC).minusMonths(13).toInstant();
    DataSource ds = db.dataSource();

    long old =
        scalar(
            ds,
            "SELECT COUNT(*) FROM messages WHERE created_at < ?",
            java.time.OffsetDateTime.ofInstant(thirteenMonthsAgo, ZoneOffset.UTC));
    assertThat(old * 100 / Sizes.small().messages()).isBetween(15L, 45L);
    assertThat(
            scalar(
                ds,
                "SELECT COUNT(*) FROM (SELECT email FROM contacts WHERE email IS NOT NULL"
                    + " GROUP BY email HAVING COUNT(DISTINCT workspace_id) > 1) shared"))
        .as("e-mails shared across workspaces")
        .isPositive();
    assertThat(
            scalar(
                ds,
                "SELECT COUNT(*) FROM notes n JOIN workspaces w ON w.id = n.workspace_id"
                    + " WHERE n.author_account_id <> w.owner_account_id"))
        .as("notes written by agents")
        .isPositive();
    assertThat(
            scalar(
                ds,
                "SELECT COUNT(*) FROM contacts WHERE wa_id IS NOT NULL"
                    + " AND (phone IS NULL OR phone <> CONCAT('+', wa_id))"))
        .as("WhatsApp ids that are not the phone's digits")
        .isZero();
    assertThat(
            scalar(
                ds,
                "SELECT COUNT(*) FROM ai_call_logs l"
                    + " LEFT JOIN conversations c ON c.id = l.conversation_id WHERE c.id IS NULL"))
        .as("AI logs pointing nowhere")
        .isZero();
  }

  static long count(DataSource dataSource, String table) throws SQLException {
    return scalar(dataSource, "SELECT COUNT(*) FROM " + table);
  }

  private static long maxId(DataSource dataSource, String table) throws SQLException {
    return scalar(dataSource, "SELECT MAX(id) FROM " + table);
  }

  private static long scalar(DataSource dataSource, String sql, Object... parameters)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A SHA-256 of every table's rows in id order, per table. */
  private static Map<String, String> checksums(DataSource dataSource) throws Exception {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table : ReferencePlatform.TABLES) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              digest.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
              digest.update((byte) 0x1f);
            }
            digest.update((byte) '\n');
          }
        }
        sums.put(table, HexFormat.of().formatHex(digest.digest()));
      }
    }
    return sums;
  }
}
