package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a small schema with known rows, so each test can name exactly what goes. */
abstract class MiniEngineContract {

  static final List<String> TABLES =
      List.of(
          "accounts",
          "workspaces",
          "contacts",
          "conversations",
          "messages",
          "attachments",
          "notes",
          "invoices");

  @TempDir Path files;
  TestDatabase db;
  Lethe lethe;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create(kind());
    MiniPlatform.create(db.dataSource(), files);
    lethe =
        Lethe.open(
            db.dataSource(),
            DataMapLoader.load("mini.yaml", MiniPlatform.resource("mini.yaml")),
            new LocalDirectoryFileStore(files),
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private ErasureRequest contact(String kindEqualsValue) {
    return ErasureRequest.of("contact", List.of(lethe.normalizer().parse(kindEqualsValue)))
        .inWorkspace("10");
  }

  @Test
  void erasing_a_contact_by_email_removes_its_conversations_messages_and_files_and_nothing_else()
      throws Exception {
    TableSnapshot before = TableSnapshot.take(db.dataSource(), TABLES);

    Receipt receipt = lethe.erase(contact("email=Carol@Example.com "), List.of());

    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    assertThat(after.changedSince(before, "contacts")).containsExactly(100L);
    assertThat(after.deletedSince(before, "conversations")).containsExactly(1000L, 1001L);
    assertThat(after.changedSince(before, "messages")).containsExactly(10000L, 10001L, 10002L);
    assertThat(after.changedSince(before, "attachments")).containsExactly(1L);
    assertThat(after.changedSince(before, "notes")).containsExactly(1L);
    for (String table : List.of("accounts", "workspaces", "invoices")) {
      assertThat(after.changedSince(before, table)).as(table).isEmpty();
    }
    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isFalse();
    assertThat(Files.exists(files.resolve("media/20000.jpg"))).isTrue();
    assertThat(receipt.verification().passed()).isTrue();
    assertThat(receipt.entity("messages").deleted()).isEqualTo(3);
    assertThat(receipt.filesDeleted()).containsEntry("attachments", 1L);
    assertThat(receipt.subjectHashes()).hasSize(1).allMatch(h -> h.startsWith("email:"));
    assertThat(receipt.toString()).doesNotContain("carol");
  }

  @Test
  void a_phone_number_finds_the_contact_by_its_whatsapp_id_too() throws Exception {
    Plan plan =
        lethe.plan(
            ErasureRequest.of(
                    "contact",
                    List.of(lethe.normalizer().normalize(IdentityKind.PHONE, "0812-3456-7890")))
                .inWorkspace("10"),
            List.of());
    assertThat(plan.roots().get(0).keys()).containsExactly(100L);
    assertThat(plan.preview().entities())
        .filteredOn(e -> e.entity().equals("messages"))
        .singleElement()
        .satisfies(e -> assertThat(e.get(Outcome.DELETED)).isEqualTo(3));
  }

  @Test
  void erasing_an_account_takes_its_workspaces_anonymizes_its_notes_elsewhere_and_retains_invoices()
      throws Exception {
    TableSnapshot before = TableSnapshot.take(db.dataSource(), TABLES);

    Receipt receipt =
        lethe.erase(
            ErasureRequest.of(
                "account", List.of(lethe.normalizer().parse("email=" + MiniPlatform.ALICE))),
            List.of());

    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    assertThat(after.deletedSince(before, "accounts")).containsExactly(1L);
    assertThat(after.deletedSince(before, "workspaces")).containsExactly(10L);
    assertThat(after.deletedSince(before, "contacts")).containsExactly(100L, 101L);
    assertThat(after.changedSince(before, "notes")).containsExactly(1L, 2L);
    assertThat(after.rows("notes").get(2L))
        .containsEntry("author_name", "Former team member")
        .containsEntry("author_account_id", null)
        .containsEntry("body", "helped Bob with carol");
    assertThat(after.changedSince(before, "invoices")).containsExactly(1L);
    assertThat(after.rows("invoices").get(1L))
        .containsEntry("customer_name", "Deleted customer")
        .containsEntry("workspace_id", null)
        .containsEntry("account_id", null)
        .containsEntry("amount_cents", "1000");
    assertThat(after.rows("invoices").get(1L).get("customer_email"))
        .isNotNull()
        .doesNotContain("alice")
        .hasSize(64);
    assertThat(after.changedSince(before, "messages"))
        .containsExactly(10000L, 10001L, 10002L, 10100L);
    assertThat(Files.exists(files.resolve("avatars/1.png"))).isFalse();
    assertThat(Files.exists(files.resolve("avatars/2.png"))).isTrue();
    assertThat(receipt.entity("invoices").retained()).isEqualTo(1);
    assertThat(receipt.entity("invoices").retainedUntil()).isEqualTo(LocalDate.of(2033, 3, 1));
    assertThat(receipt.entity("invoices").retentionBasis()).contains("7 years");
    assertThat(receipt.entity("notes").anonymized()).isEqualTo(1);
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void an_identity_that_matches_nothing_gives_a_nothing_found_receipt() {
    Receipt receipt = lethe.erase(contact("email=nobody@example.com"), List.of());
    assertThat(receipt.nothingFound()).isTrue();
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void a_held_workspace_keeps_the_contact_and_the_receipt_names_the_hold() throws Exception {
    TableSnapshot before = TableSnapshot.take(db.dataSource(), TABLES);
    List<LegalHold> holds =
        List.of(
            new LegalHold("hold-1", new LegalHold.Tenant("10"), "court order", Optional.empty()));

    Receipt receipt = lethe.erase(contact("email=" + MiniPlatform.CAROL), holds);

    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    for (String table : TABLES) {
      assertThat(after.changedSince(before, table)).as(table).isEmpty();
    }
    assertThat(receipt.entity("contacts").held()).isEqualTo(1);
    assertThat(receipt.entity("contacts").holds()).containsExactly("hold-1");
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void a_held_conversation_stays_with_its_messages_while_the_rest_of_the_contact_goes()
      throws Exception {
    List<LegalHold> holds =
        List.of(
            new LegalHold(
                "hold-2", new LegalHold.Row("conversations", "1001"), "dispute", Optional.empty()));

    Receipt receipt = lethe.erase(contact("email=" + MiniPlatform.CAROL), holds);

    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    assertThat(after.rows("conversations")).containsKey(1001L).doesNotContainKey(1000L);
    assertThat(after.rows("messages")).containsKey(10002L).doesNotContainKey(10000L);
    assertThat(after.rows("contacts")).containsKey(100L);
    assertThat(receipt.entity("conversations").held()).isEqualTo(1);
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void running_a_finished_run_again_changes_nothing_and_returns_the_same_receipt()
      throws Exception {
    Plan plan = lethe.plan(contact("email=" + MiniPlatform.CAROL), List.of());
    String run = lethe.start(plan);
    Receipt first = lethe.run(run, List.of());
    TableSnapshot before = TableSnapshot.take(db.dataSource(), TABLES);

    Receipt second = lethe.run(run, List.of());

    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    for (String table : TABLES) {
      assertThat(after.changedSince(before, table)).as(table).isEmpty();
    }
    assertThat(second).isEqualTo(first);
  }

  @Test
  void a_tenant_bound_scope_without_workspace_is_refused() {
    assertThatThrownBy(
            () ->
                lethe.plan(
                    ErasureRequest.of(
                        "contact",
                        List.of(lethe.normalizer().parse("email=" + MiniPlatform.CAROL))),
                    List.of()))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("needs a workspace");
  }

  @Test
  void sql_in_an_identity_value_is_only_a_value() throws Exception {
    TableSnapshot before = TableSnapshot.take(db.dataSource(), TABLES);
    Receipt receipt = lethe.erase(contact("email=x'@example.com' OR '1'='1"), List.of());
    assertThat(receipt.nothingFound()).isTrue();
    TableSnapshot after = TableSnapshot.take(db.dataSource(), TABLES);
    for (String table : TABLES) {
      assertThat(after.changedSince(before, table)).as(table).isEmpty();
    }
  }
}
