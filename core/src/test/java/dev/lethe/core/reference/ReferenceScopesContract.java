package dev.lethe.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.engine.TableSnapshot;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scope of the reference platform's data map, on generated data: afterwards the tables are
 * exactly what the data map's rules say (worked out in memory by {@link MapOracle}) — nothing of
 * the subject left, every other row byte-for-byte unchanged — the receipt's counts agree, and the
 * files of deleted rows are gone while all others remain.
 */
abstract class ReferenceScopesContract {

  @TempDir Path files;
  TestDatabase db;
  Lethe lethe;
  DataMap map;
  TableSnapshot before;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create(kind());
    ReferencePlatform.createSchema(db.dataSource());
    new PlatformGenerator(PlatformGenerator.Sizes.small(), 42, PlatformGenerator.REFERENCE_NOW)
        .withFiles(files)
        .generate(db.dataSource());
    map = DataMapLoader.load("reference-platform.yaml", ReferencePlatform.dataMapText());
    lethe = Lethe.open(db.dataSource(), map, new LocalDirectoryFileStore(files), Clock.systemUTC());
    before = TableSnapshot.take(db.dataSource(), ReferencePlatform.TABLES);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void a_contact_found_by_an_email_it_shares_with_another_business_goes_only_in_its_workspace()
      throws Exception {
    List<Object> shared =
        row(
            "SELECT c.workspace_id, c.email FROM contacts c WHERE c.email IN (SELECT email FROM"
                + " contacts GROUP BY email HAVING COUNT(DISTINCT workspace_id) > 1) ORDER BY c.id");
    long workspace = ((Number) shared.get(0)).longValue();
    String email = (String) shared.get(1);

    Set<Long> roots =
        ids("SELECT id FROM contacts WHERE workspace_id = ? AND email = ?", workspace, email);
    assertThat(roots).isNotEmpty();
    Receipt receipt =
        erase(request("contact", "email=" + email.toUpperCase()).inWorkspace("" + workspace));

    expect(receipt, new MapOracle(map, before, salt()).delete("contacts", roots));
    assertThat(ids("SELECT id FROM contacts WHERE email = ?", email)).isNotEmpty();
    assertThat(ReceiptJson.write(receipt)).doesNotContain(email);
  }

  @Test
  void a_contact_found_by_a_phone_number_written_as_people_write_it_goes_with_its_whatsapp_twin()
      throws Exception {
    List<Object> contact =
        row("SELECT workspace_id, phone FROM contacts WHERE phone IS NOT NULL ORDER BY id");
    long workspace = ((Number) contact.get(0)).longValue();
    String phone = (String) contact.get(1);
    String written = phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6);

    Set<Long> roots =
        ids(
            "SELECT id FROM contacts WHERE workspace_id = ? AND (phone = ? OR wa_id = ?)",
            workspace,
            phone,
            phone.substring(1));
    Receipt receipt = erase(request("contact", "phone=" + written).inWorkspace("" + workspace));

    expect(receipt, new MapOracle(map, before, salt()).delete("contacts", roots));
  }

  @Test
  void an_account_takes_its_workspaces_and_leaves_anonymized_notes_in_others_workspaces()
      throws Exception {
    long author =
        ((Number)
                row("SELECT n.author_account_id FROM notes n JOIN workspaces w ON w.id ="
                        + " n.workspace_id WHERE n.author_account_id <> w.owner_account_id ORDER BY n.id")
                    .get(0))
            .longValue();
    String email = (String) row("SELECT email FROM accounts WHERE id = ?", author).get(0);

    MapOracle oracle = new MapOracle(map, before, salt()).delete("accounts", Set.of(author));
    Receipt receipt = erase(request("account", "email=" + email));

    expect(receipt, oracle);
    assertThat(receipt.entity("notes").anonymized()).isPositive();
  }

  @Test
  void a_workspace_goes_with_everything_in_it_and_its_invoices_are_retained_anonymized()
      throws Exception {
    long workspace =
        ((Number)
                row("SELECT workspace_id FROM invoices WHERE workspace_id IS NOT NULL ORDER BY id")
                    .get(0))
            .longValue();

    Receipt receipt = erase(request("workspace", "ids=" + workspace));

    expect(receipt, new MapOracle(map, before, salt()).delete("workspaces", Set.of(workspace)));
    assertThat(receipt.entity("invoices").retained()).isPositive();
    assertThat(receipt.entity("invoices").retainedUntil()).isNotNull();
    assertThat(receipt.entity("invoices").retentionBasis()).contains("Tax");
  }

  @Test
  void one_conversation_one_channel_and_one_message_go_alone() throws Exception {
    List<Object> message =
        row("SELECT workspace_id, id, conversation_id FROM messages ORDER BY id DESC");
    long workspace = ((Number) message.get(0)).longValue();
    long messageId = ((Number) message.get(1)).longValue();
    MapOracle oracle = new MapOracle(map, before, salt()).delete("messages", Set.of(messageId));
    Receipt receipt = erase(request("message", "ids=" + messageId).inWorkspace("" + workspace));

    expect(receipt, oracle);

    before = TableSnapshot.take(db.dataSource(), ReferencePlatform.TABLES);
    List<Object> conversation = row("SELECT workspace_id, id FROM conversations ORDER BY id");
    receipt =
        erase(
            request("conversation", "ids=" + conversation.get(1))
                .inWorkspace("" + conversation.get(0)));
    expect(
        receipt,
        new MapOracle(map, before, salt())
            .delete("conversations", Set.of(((Number) conversation.get(1)).longValue())));

    before = TableSnapshot.take(db.dataSource(), ReferencePlatform.TABLES);
    List<Object> channel = row("SELECT workspace_id, id FROM channels ORDER BY id");
    receipt = erase(request("channel", "ids=" + channel.get(1)).inWorkspace("" + channel.get(0)));
    expect(
        receipt,
        new MapOracle(map, before, salt())
            .delete("channels", Set.of(((Number) channel.get(1)).longValue())));
  }

  @Test
  void a_conversation_of_another_workspace_is_not_found() throws Exception {
    List<Object> conversation = row("SELECT workspace_id, id FROM conversations ORDER BY id");
    long other =
        ((Number)
                row("SELECT id FROM workspaces WHERE id <> ? ORDER BY id", conversation.get(0))
                    .get(0))
            .longValue();
    Receipt receipt =
        erase(request("conversation", "ids=" + conversation.get(1)).inWorkspace("" + other));
    assertThat(receipt.nothingFound()).isTrue();
    assertUnchanged();
  }

  @Test
  void meta_platform_data_of_an_app_scoped_id_goes_and_the_account_only_loses_that_id()
      throws Exception {
    String metaId =
        (String)
            row("SELECT connected_by_meta_user_id FROM channels WHERE connected_by_meta_user_id IS NOT NULL ORDER BY id")
                .get(0);

    MapOracle oracle =
        new MapOracle(map, before, salt())
            .delete(
                "channels",
                ids("SELECT id FROM channels WHERE connected_by_meta_user_id = ?", metaId))
            .delete(
                "oauth_tokens",
                ids("SELECT id FROM oauth_tokens WHERE provider_user_id = ?", metaId))
            .anonymize(
                "accounts",
                ids("SELECT id FROM accounts WHERE meta_user_id = ?", metaId),
                map.scope("meta_platform").orElseThrow().roots().get(2).set());
    Receipt receipt = erase(request("meta_platform", "meta_user_id=" + metaId));

    expect(receipt, oracle);
    assertThat(receipt.entity("channels").deleted()).isPositive();
  }

  @Test
  void bot_users_whose_first_conversation_falls_in_a_range_go_as_one_request() throws Exception {
    List<Object> bot =
        row("SELECT workspace_id, bot_id FROM contacts WHERE bot_id IS NOT NULL ORDER BY id");
    long workspace = ((Number) bot.get(0)).longValue();
    long botId = ((Number) bot.get(1)).longValue();
    ErasureRequest request =
        new ErasureRequest("bot_users", List.of(), java.util.Optional.of("" + workspace), Map.of())
            .withParam("bot", "" + botId)
            .withParam("first_conversation", "2025-07-01..2026-01-01");

    Set<Long> roots =
        ids(
            "SELECT id FROM contacts WHERE workspace_id = ? AND bot_id = ? AND first_seen_at >="
                + " TIMESTAMP '2025-07-01 00:00:00' AND first_seen_at < TIMESTAMP '2026-01-01 00:00:00'",
            workspace,
            botId);
    assertThat(roots).hasSizeGreaterThan(1);
    Receipt receipt = erase(request);

    expect(receipt, new MapOracle(map, before, salt()).delete("contacts", roots));
  }

  private ErasureRequest request(String scope, String identity) {
    return ErasureRequest.of(scope, List.of(lethe.normalizer().parse(identity)));
  }

  private Receipt erase(ErasureRequest request) throws SQLException {
    Receipt receipt = lethe.erase(request, List.of());
    assertThat(receipt.verification().passed())
        .as(receipt.verification().problems().toString())
        .isTrue();
    assertForgotten(receipt);
    return receipt;
  }

  /**
   * A run's counts and the keys of the files it deleted are forgotten with its completion: its
   * receipt holds the counts (compared with the oracle's), and a file's key may name the subject.
   */
  private void assertForgotten(Receipt receipt) throws SQLException {
    String run = " WHERE run_id = '" + receipt.runId() + "'";
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_counts" + run))
        .as("counts kept after the run")
        .isZero();
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files" + run))
        .as("file keys kept after the run")
        .isZero();
  }

  private String salt() {
    return lethe.hasher().hex("anonymization", "salt");
  }

  private void expect(Receipt receipt, MapOracle oracle) throws Exception {
    Map<String, Map<Long, Map<String, String>>> expected = oracle.expected();
    TableSnapshot after = TableSnapshot.take(db.dataSource(), ReferencePlatform.TABLES);
    for (String table : ReferencePlatform.TABLES) {
      assertThat(after.rows(table)).as("rows of %s", table).isEqualTo(expected.get(table));
    }
    oracle
        .counts()
        .forEach(
            (entity, counts) ->
                counts.forEach(
                    (outcome, n) ->
                        assertThat(count(receipt, entity, outcome))
                            .as("%s %s", entity, outcome)
                            .isEqualTo(n)));
    for (var entity : receipt.entities()) {
      for (Outcome outcome : Outcome.values()) {
        assertThat(count(receipt, entity.entity(), outcome))
            .as("%s %s", entity.entity(), outcome)
            .isEqualTo(
                oracle.counts().getOrDefault(entity.entity(), Map.of()).getOrDefault(outcome, 0L));
      }
    }
    for (var entity : map.entities().values()) {
      long deletedFiles = 0;
      for (String column : entity.files()) {
        for (var row : before.rows(entity.table()).entrySet()) {
          String key = row.getValue().get(column);
          if (key != null) {
            boolean gone = oracle.deleted(entity.name()).contains(row.getKey());
            assertThat(Files.exists(files.resolve(key)))
                .as("file of %s %d", entity.name(), row.getKey())
                .isEqualTo(!gone);
            deletedFiles += gone ? 1 : 0;
          }
        }
      }
      assertThat(receipt.filesDeleted().getOrDefault(entity.name(), 0L))
          .as("files of %s deleted", entity.name())
          .isEqualTo(deletedFiles);
    }
  }

  private void assertUnchanged() throws Exception {
    TableSnapshot after = TableSnapshot.take(db.dataSource(), ReferencePlatform.TABLES);
    for (String table : ReferencePlatform.TABLES) {
      assertThat(after.rows(table)).as(table).isEqualTo(before.rows(table));
    }
  }

  private static long count(Receipt receipt, String entity, Outcome outcome) {
    var e = receipt.entity(entity);
    return switch (outcome) {
      case DELETED -> e.deleted();
      case DETACHED -> e.detached();
      case ANONYMIZED -> e.anonymized();
      case RETAINED -> e.retained();
      case HELD -> e.held();
    };
  }

  private List<Object> row(String sql, Object... args) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("a row for: " + sql).isTrue();
        List<Object> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          values.add(rs.getObject(i));
        }
        return values;
      }
    }
  }

  private Set<Long> ids(String sql, Object... args) throws SQLException {
    Set<Long> ids = new TreeSet<>();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }
}
