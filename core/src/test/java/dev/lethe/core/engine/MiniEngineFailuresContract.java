package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.lethe.core.FilesPendingException;
import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.core.schema.Vendor;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.RunStatus;
import dev.lethe.core.state.RunStore;
import dev.lethe.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that resist deletion, holds on identities, retention, and a verification that fails. */
abstract class MiniEngineFailuresContract {

  @TempDir Path files;
  TestDatabase db;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create(kind());
    MiniPlatform.create(db.dataSource(), files);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private Lethe open(String mapText, FileStore store, Clock clock) {
    return Lethe.open(db.dataSource(), DataMapLoader.load("mini.yaml", mapText), store, clock);
  }

  private Lethe open() {
    return open(
        MiniPlatform.resource("mini.yaml"), new LocalDirectoryFileStore(files), Clock.systemUTC());
  }

  private static ErasureRequest carol(Lethe lethe) {
    return ErasureRequest.of(
            "contact", List.of(lethe.normalizer().parse("email=" + MiniPlatform.CAROL)))
        .inWorkspace("10");
  }

  /** A file store that is down for its first {@code failures} deletions. */
  private FileStore flaky(int failures) {
    LocalDirectoryFileStore real = new LocalDirectoryFileStore(files);
    AtomicInteger left = new AtomicInteger(failures);
    return new FileStore() {
      @Override
      public void delete(String key) throws IOException {
        if (left.getAndDecrement() > 0) {
          throw new IOException("store unavailable");
        }
        real.delete(key);
      }

      @Override
      public boolean exists(String key) throws IOException {
        return real.exists(key);
      }
    };
  }

  @Test
  void
      a_file_store_that_is_down_leaves_the_run_open_with_the_file_recorded_until_a_retry_deletes_it()
          throws Exception {
    Lethe down = open(MiniPlatform.resource("mini.yaml"), flaky(1_000), Clock.systemUTC());
    String run = down.start(down.plan(carol(down), List.of()));

    assertThatThrownBy(() -> down.run(run, List.of())).isInstanceOf(FilesPendingException.class);
    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isTrue();
    assertThat(down.findRun(run).orElseThrow().status()).isEqualTo(RunStatus.FAILED);

    Lethe up = open();
    Receipt receipt = up.run(run, List.of());
    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isFalse();
    assertThat(receipt.filesDeleted()).containsEntry("attachments", 1L);
    assertThat(receipt.entity("messages").deleted()).isEqualTo(3);
  }

  /**
   * A resumed run reads its counts back. Another process sweeping it writes the file deleted (its
   * key deleted, its count added) while this one's last sweep deletes it from the store: the run
   * completes with the file counted once, not once read back and once more from this one's memory.
   */
  @Test
  void a_resumed_run_counts_once_a_file_another_process_wrote_deleted_during_its_last_sweep()
      throws Exception {
    Lethe down = open(MiniPlatform.resource("mini.yaml"), flaky(1_000), Clock.systemUTC());
    String run = down.start(down.plan(carol(down), List.of()));
    assertThatThrownBy(() -> down.run(run, List.of())).isInstanceOf(FilesPendingException.class);

    Lethe up =
        open(
            MiniPlatform.resource("mini.yaml"),
            racing(new LocalDirectoryFileStore(files), "media/10001.jpg"),
            Clock.systemUTC());
    Receipt receipt = up.run(run, List.of());

    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isFalse();
    assertThat(receipt.filesDeleted()).containsExactly(entry("attachments", 1L));
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
  }

  @Test
  void a_file_store_that_fails_once_is_retried_within_the_run() {
    Lethe lethe = open(MiniPlatform.resource("mini.yaml"), flaky(1), Clock.systemUTC());
    Receipt receipt = lethe.erase(carol(lethe), List.of());
    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isFalse();
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void a_hold_on_the_subjects_identity_keeps_their_rows_and_is_matched_by_keyed_hash() {
    Lethe lethe = open();
    Identity carol = lethe.normalizer().parse("email=" + MiniPlatform.CAROL);
    List<LegalHold> holds =
        List.of(
            new LegalHold(
                "hold-id",
                new LegalHold.OnIdentity(carol.kind(), lethe.hasher().hash(carol)),
                "subpoena",
                Optional.empty()));

    Receipt receipt = lethe.erase(carol(lethe), holds);

    assertThat(receipt.entity("contacts").held()).isEqualTo(1);
    assertThat(receipt.entity("contacts").holds()).containsExactly("hold-id");
    assertThat(receipt.total(Outcome.DELETED)).isZero();
  }

  @Test
  void an_expired_hold_no_longer_keeps_anything() {
    Lethe lethe = open();
    List<LegalHold> holds =
        List.of(
            new LegalHold(
                "old",
                new LegalHold.Tenant("10"),
                "lapsed",
                Optional.of(Instant.parse("2020-01-01T00:00:00Z"))));
    Receipt receipt = lethe.erase(carol(lethe), holds);
    assertThat(receipt.entity("contacts").deleted()).isEqualTo(1);
    assertThat(receipt.total(Outcome.HELD)).isZero();
  }

  @Test
  void retention_deletes_aged_messages_with_their_attachments_and_files_and_keeps_held_ones()
      throws Exception {
    assertThat(sweepsAgedMessages("").messageDeletes())
        .as("statements deleting messages")
        .isEqualTo(1);
  }

  @Test
  void a_retention_rule_that_pauses_after_each_page_deletes_the_same_rows() throws Exception {
    sweepsAgedMessages("    pause_ratio: 1\n");
  }

  @Test
  void a_retention_rule_held_to_a_rate_deletes_the_same_rows_a_page_at_a_time() throws Exception {
    // three aged messages not held, a page each, the next no sooner than 20 ms after the last
    assertThat(sweepsAgedMessages("    batch: 1\n    max_rows_per_second: 50\n").messageDeletes())
        .isEqualTo(3);
  }

  @Test
  void a_retention_rule_with_a_batch_of_one_row_deletes_the_same_rows_a_row_a_page()
      throws Exception {
    // three aged messages not held: one page without a batch (above), a page each with one
    assertThat(sweepsAgedMessages("    batch: 1\n    pause_ratio: 0.5\n").messageDeletes())
        .isEqualTo(3);
  }

  /**
   * Pages of one message each (10000, 10001 with a file, 10100 with a file): the file of 10001,
   * deleted from the store after its page, is written deleted (its key deleted, its count added) by
   * the next page's transaction, with that page's rows; the last page's file after it.
   */
  @Test
  void a_page_writes_the_files_of_the_page_before_it_deleted_in_its_own_transaction()
      throws Exception {
    Swept swept = sweepsAgedMessages("    batch: 1\n    pause_ratio: 0.5\n");

    List<CountingDataSource.Sent> sent = swept.counting().sent;
    List<CountingDataSource.Sent> keysDeleted =
        sent.stream().filter(s -> FILE_KEYS_DELETE.matcher(s.sql()).find()).toList();
    assertThat(keysDeleted).hasSize(2);
    assertThat(keysDeleted.getFirst().commitsBefore())
        .as("written in the transaction of a page deleting messages")
        .isIn(
            sent.stream()
                .filter(s -> MESSAGES_DELETE.matcher(s.sql()).find())
                .map(CountingDataSource.Sent::commitsBefore)
                .toList());
    assertThat(swept.outcomes().getFirst().filesDeleted())
        .containsExactly(entry("attachments", 2L));
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_counts")).isZero();
  }

  /**
   * Another process sweeping the same run (one that resumed it while this one still ran) deletes
   * the file of 10001 from the store and writes it deleted, its key deleted and its count added,
   * before this one's next page does: that page's transaction finds the key gone, rolls back and
   * runs again without it, and the file is counted once.
   */
  @Test
  void a_file_another_process_wrote_deleted_first_is_counted_once() throws Exception {
    Swept swept =
        sweepsAgedMessages(
            "    batch: 1\n    pause_ratio: 0.5\n",
            racing(new LocalDirectoryFileStore(files), "media/10001.jpg"));

    assertThat(swept.outcomes().getFirst().filesDeleted())
        .containsExactly(entry("attachments", 2L));
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
  }

  /**
   * {@code real}, where another process sweeping the same run writes the file {@code raced} deleted
   * as soon as the store deleted it.
   */
  private FileStore racing(FileStore real, String raced) {
    return new FileStore() {
      @Override
      public void delete(String key) throws IOException {
        real.delete(key);
        if (key.equals(raced)) {
          writtenElsewhere(key);
        }
      }

      @Override
      public boolean exists(String key) throws IOException {
        return real.exists(key);
      }
    };
  }

  /**
   * What another process does once the store deleted the file {@code key}: writes it deleted, as
   * the run's file queue does.
   */
  private void writtenElsewhere(String key) {
    DSLContext dsl = Vendor.valueOf(db.kind().name()).dsl(db.dataSource());
    var file =
        dsl.select(
                DSL.field(DSL.name("run_id"), String.class), DSL.field(DSL.name("id"), Long.class))
            .from(DSL.table(DSL.name("lethe_run_files")))
            .where(DSL.field(DSL.name("file_key")).eq(key))
            .fetchSingle();
    new RunStore(dsl, 100)
        .files()
        .filesDeleted(
            file.value1(),
            new DeletedFiles(List.of(new DeletedFiles.File(file.value2(), "attachments"))));
  }

  /** A statement that deletes file keys by their ids, whatever the dialect's quotes and form. */
  private static final Pattern FILE_KEYS_DELETE =
      Pattern.compile(
          "delete .*from [`\"]?lethe_run_files[`\"]? .*where \\(?[`\"]?id[`\"]? (in|= any)",
          Pattern.CASE_INSENSITIVE);

  /** What a retention sweep returned, and the statements it sent. */
  private record Swept(List<RetentionOutcome> outcomes, CountingDataSource counting) {

    /** How many statements deleted messages. */
    int messageDeletes() {
      return (int)
          counting.sent.stream().filter(s -> MESSAGES_DELETE.matcher(s.sql()).find()).count();
    }
  }

  /** Sweeps a rule deleting messages older than 30 days, {@code more} added to the rule. */
  private Swept sweepsAgedMessages(String more) throws Exception {
    return sweepsAgedMessages(more, new LocalDirectoryFileStore(files));
  }

  /** As {@link #sweepsAgedMessages(String)}, its files deleted from {@code store}. */
  private Swept sweepsAgedMessages(String more, FileStore store) throws Exception {
    String map =
        MiniPlatform.resource("mini.yaml")
            + "retention:\n"
            + "  - name: old_messages\n"
            + "    entity: messages\n"
            + "    column: created_at\n"
            + "    max_age: 30 days\n"
            + "    action: delete\n"
            + more;
    Clock clock = Clock.fixed(Instant.parse("2026-02-20T00:00:00Z"), ZoneOffset.UTC);
    CountingDataSource counting = new CountingDataSource(db.dataSource());
    Lethe lethe =
        Lethe.open(counting.dataSource(), DataMapLoader.load("mini.yaml", map), store, clock);
    List<LegalHold> holds =
        List.of(new LegalHold("keep-bob", new LegalHold.Tenant("20"), "audit", Optional.empty()));

    List<RetentionOutcome> outcomes = lethe.sweepRetention(Optional.empty(), holds);

    TableSnapshot after = TableSnapshot.take(db.dataSource(), MiniEngineContract.TABLES);
    assertThat(after.rows("messages")).containsOnlyKeys(10002L, 20000L);
    assertThat(after.rows("attachments")).containsOnlyKeys(3L);
    assertThat(Files.exists(files.resolve("media/10001.jpg"))).isFalse();
    assertThat(Files.exists(files.resolve("media/20000.jpg"))).isTrue();
    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.rule()).isEqualTo("old_messages");
              assertThat(o.cutoff()).isEqualTo(Instant.parse("2026-01-21T00:00:00Z"));
              assertThat(o.counts().get("messages")).containsEntry(Outcome.DELETED, 3L);
              assertThat(o.counts().get("attachments")).containsEntry(Outcome.DELETED, 2L);
            });
    return new Swept(outcomes, counting);
  }

  /** A statement that deletes from the messages table, whatever the dialect's quotes. */
  private static final Pattern MESSAGES_DELETE =
      Pattern.compile("delete from [`\"]?messages[`\"]? ", Pattern.CASE_INSENSITIVE);

  @Test
  void a_map_that_only_detaches_rows_holding_the_subjects_email_fails_verification_loudly() {
    String leaky =
        MiniPlatform.resource("mini.yaml")
            .replace(
                "      workspace_id: { entity: workspaces, on_delete: retain }\n      account_id: { entity: accounts, on_delete: retain }",
                "      workspace_id: { entity: workspaces, on_delete: detach }\n      account_id: { entity: accounts, on_delete: detach }")
            .replace(
                "  invoices:\n    tenant: workspace_id\n",
                "  invoices:\n    tenant: workspace_id\n    identities:\n      customer_email: email\n");
    Lethe lethe = open(leaky, new LocalDirectoryFileStore(files), Clock.systemUTC());
    ErasureRequest alice =
        ErasureRequest.of(
            "account", List.of(lethe.normalizer().parse("email=" + MiniPlatform.ALICE)));
    String run = lethe.start(lethe.plan(alice, List.of()));

    assertThatThrownBy(() -> lethe.run(run, List.of()))
        .isInstanceOf(VerificationFailedException.class)
        .hasMessageContaining("invoices")
        .hasMessageNotContaining(MiniPlatform.ALICE);
    assertThat(lethe.findRun(run).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
  }
}
