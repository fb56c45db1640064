package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.FilesPendingException;
import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.state.RunStatus;
import dev.lethe.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run erased in one go is stored in the transaction of its first change: a failure before that
 * change leaves neither the run nor anything changed. A run whose roots fit one page is completed
 * in that page's transaction on PostgreSQL and H2 (its files deleted from the store before the
 * commit), so a small subject's erasure commits once; on MariaDB its completion has a transaction
 * of its own.
 */
class RunStartTest {

  private static final String MAP =
      """
      version: 1
      name: start
      entities:
        owner:
          identities:
            email: email
          files: [avatar]
        item:
          files: [doc, thumb]
          parents:
            owner_id: { entity: owner, on_delete: cascade }
      scopes:
        subject:
          roots:
            - entity: owner
              identified_by: [email]
      """;

  /** The map with the subject's e-mail also searched in items: one no owner holds is found. */
  private static final String LEAKY =
      MAP.replace(
          "  item:\n    files:", "  item:\n    identities:\n      email: email\n    files:");

  /** The connections of a pool whose sessions are read: as many as opening Lethe takes. */
  private static final int SESSIONS = 3;

  @TempDir Path files;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_small_erasure_commits_its_run_its_page_and_its_completion_once(TestDatabase.Kind kind)
      throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource(), MAP, new LocalDirectoryFileStore(files));
      counting.commits.set(0);
      counting.sent.clear();

      Receipt receipt = lethe.erase(subject(lethe), List.of(), "run-1");

      assertThat(receipt.entity("owner").deleted()).isEqualTo(1);
      assertThat(receipt.entity("item").deleted()).isEqualTo(3);
      assertThat(receipt.filesDeleted()).isEqualTo(Map.of("owner", 1L));
      assertThat(receipt.verification().passed()).isTrue();
      assertThat(counting.commits.get()).isEqualTo(kind == TestDatabase.Kind.MARIADB ? 2 : 1);
      // the verification's recount, once; on PostgreSQL in the round trip of the page's deletes
      List<CountingDataSource.Sent> recounts = recounts(counting);
      assertThat(recounts).hasSize(1);
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertSentWithTheOwnersDelete(counting, recounts.getFirst());
      }
      var run = lethe.findRun("run-1").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(run.receipt()).isPresent();
      assertThat(run.subjectSealed()).isEmpty();
      // its batch counted; its counts kept in its receipt only, its roots and its files' keys
      // forgotten with the completion (where it completes in the page, never written)
      assertThat(run.batches()).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_counts")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_roots")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        // the owner's delete returned its file's key: never written, never forgotten
        assertThat(counting.containing("lethe_run_files")).isEmpty();
      }
      assertThat(Files.exists(files.resolve("a.png"))).isFalse();
      assertThat(Files.exists(files.resolve("b.png"))).isTrue();
      assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id = 2")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_failure_before_the_first_change_leaves_no_run_and_erasing_again_completes(
      TestDatabase.Kind kind) throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Receipt receipt =
          failThenEraseAgain(
              db, "run-2", c -> c.failBatches.set(true), c -> c.failBatches.set(false));

      assertThat(receipt.verification().passed()).isTrue();
    }
  }

  /**
   * More files (81) than the page's transaction deletes from the store (64): the page commits
   * first, its files are swept after it, and the run completes in a transaction of its own.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_subject_with_many_files_commits_its_page_before_their_deletion(TestDatabase.Kind kind)
      throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      // few enough items to join their owner's page, with two files each
      int many = 40;
      for (int i = 0; i < many; i++) {
        db.execute(
            "INSERT INTO item (id, owner_id, doc, thumb) VALUES ("
                + (100 + i)
                + ", 1, 'd"
                + i
                + ".txt', 't"
                + i
                + ".png')");
        Files.writeString(files.resolve("d" + i + ".txt"), "d");
        Files.writeString(files.resolve("t" + i + ".png"), "t");
      }
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource(), MAP, new LocalDirectoryFileStore(files));
      counting.commits.set(0);
      counting.sent.clear();

      Receipt receipt = lethe.erase(subject(lethe), List.of(), "run-6");

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.entity("item").deleted()).isEqualTo(3 + many);
      assertThat(receipt.filesDeleted()).isEqualTo(Map.of("owner", 1L, "item", 2L * many));
      assertThat(counting.commits.get()).isEqualTo(2);
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        // the page held more files' keys than it deletes in its transaction: rolled back before
        // any was deleted, and handled again recording them
        assertThat(counting.containing("delete from \"owner\"")).hasSize(2);
        assertThat(counting.containing("insert into \"lethe_run_files\"")).isNotEmpty();
      }
      assertThat(lethe.findRun("run-6").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
      try (var left = Files.list(files)) {
        assertThat(left.map(f -> f.getFileName().toString())).containsExactly("b.png");
      }
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
    }
  }

  /**
   * The completion fails in the page's transaction: nothing of the run commits, its file is already
   * gone from the store, and erasing again deletes the rows and counts the file.
   */
  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"H2", "POSTGRESQL"})
  void a_failure_in_the_completion_leaves_no_run_and_erasing_again_completes(TestDatabase.Kind kind)
      throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Receipt receipt =
          failThenEraseAgain(
              db,
              "run-3",
              c -> c.failOn.set("\"receipt\" ="),
              c -> {
                c.failOn.set(null);
                // nothing of the run committed, but its file was deleted before the commit
                assertThat(Files.exists(files.resolve("a.png"))).isFalse();
              });

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.filesDeleted()).isEqualTo(Map.of("owner", 1L));
      assertThat(Files.exists(files.resolve("b.png"))).isTrue();
    }
  }

  /**
   * Erases the subject as run {@code runId} while {@code failing} makes a statement fail: the run
   * is not stored and nothing is deleted or recorded. Then, after {@code healed}, erases it again
   * and returns the receipt of the completed run.
   */
  private Receipt failThenEraseAgain(
      TestDatabase db,
      String runId,
      Consumer<CountingDataSource> failing,
      Consumer<CountingDataSource> healed)
      throws SQLException, IOException {
    platform(db);
    CountingDataSource counting = new CountingDataSource(db.dataSource());
    Lethe lethe = open(counting.dataSource(), MAP, new LocalDirectoryFileStore(files));
    failing.accept(counting);

    assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), runId))
        .hasRootCauseMessage("connection lost");
    healed.accept(counting);

    assertThat(lethe.findRun(runId)).isEmpty();
    assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(2);
    assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(5);
    assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();

    Receipt receipt = lethe.erase(subject(lethe), List.of(), runId);

    assertThat(lethe.findRun(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
    return receipt;
  }

  /**
   * The store refuses the subject's file: the page commits as any other, the run is stored with the
   * file pending, and running it again once the store takes it completes it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_file_the_store_refuses_leaves_the_run_stored_to_resume(TestDatabase.Kind kind)
      throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      Set<String> refused = ConcurrentHashMap.newKeySet();
      refused.add("a.png");
      LocalDirectoryFileStore directory = new LocalDirectoryFileStore(files);
      FileStore store =
          new FileStore() {
            @Override
            public void delete(String key) throws IOException {
              if (refused.contains(key)) {
                throw new IOException("store unavailable");
              }
              directory.delete(key);
            }

            @Override
            public boolean exists(String key) throws IOException {
              return directory.exists(key);
            }
          };
      Lethe lethe = open(db.dataSource(), MAP, store, new ExecutionOptions(64, 5_000, 100, 1));

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-4"))
          .isInstanceOf(FilesPendingException.class);

      assertThat(lethe.findRun("run-4").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
      assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isEqualTo(1);
      assertThat(Files.exists(files.resolve("a.png"))).isTrue();
      // committed with the page: its roots, to resume from, and its batch's counts
      assertStored(db, "run-4");

      refused.clear();
      Receipt receipt = lethe.run("run-4", List.of());

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.filesDeleted()).isEqualTo(Map.of("owner", 1L));
      assertThat(receipt.total(Outcome.DELETED)).isEqualTo(4);
      assertThat(lethe.findRun("run-4").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(Files.exists(files.resolve("a.png"))).isFalse();
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
      // the completion forgot the roots and the counts: the receipt holds them
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_roots")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_counts")).isZero();
    }
  }

  /**
   * Verification finds the subject's e-mail in an item no owner holds: the page's deletes commit,
   * the run is stored failed with what it did, and the failure names what was found.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_verification_that_fails_commits_the_page_and_fails_the_run(TestDatabase.Kind kind)
      throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      db.execute("INSERT INTO item (id, email) VALUES (6, 'a@example.com')");
      Lethe lethe = open(db.dataSource(), LEAKY, new LocalDirectoryFileStore(files));

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-5"))
          .isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("item: 1 row(s) still hold the subject's email");

      var run = lethe.findRun("run-5").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.receipt()).isEmpty();
      assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(3);
      assertThat(Files.exists(files.resolve("a.png"))).isFalse();
      assertStored(db, "run-5");
    }
  }

  /**
   * The roots of run {@code runId} (the subject's one owner) and the counts of its one batch (the
   * owner and its three items) are stored: its page committed without completing it.
   */
  private static void assertStored(TestDatabase db, String runId) throws SQLException {
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM lethe_run_roots WHERE run_id = '"
                    + runId
                    + "' AND root_key = '1'"))
        .isEqualTo(1);
    assertThat(
            db.count(
                "SELECT SUM(row_count) FROM lethe_run_counts"
                    + " WHERE run_id = '"
                    + runId
                    + "' AND outcome = 'deleted'"))
        .isEqualTo(4);
  }

  /**
   * On PostgreSQL the verification reads the recount sent with the page's deletes: a root that is
   * back when the page's statements end (a trigger puts the owner back, under another e-mail)
   * leaves the page to commit as any other, and the run's own verification then fails it.
   */
  @Test
  void a_root_the_recount_in_the_page_finds_fails_the_run() throws SQLException, IOException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      platform(db);
      db.execute(
          "CREATE FUNCTION put_back() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
              + " INSERT INTO owner VALUES (1, 'c@example.com', NULL) ON CONFLICT DO NOTHING;"
              + " RETURN NULL; END $$",
          "CREATE TRIGGER put_back AFTER DELETE ON owner"
              + " FOR EACH STATEMENT EXECUTE FUNCTION put_back()");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource(), MAP, new LocalDirectoryFileStore(files));
      counting.sent.clear();

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-6"))
          .isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("owner: 1 row(s) below the deleted roots remain");

      // found by the recount in the page's round trip, then again once the page committed
      List<CountingDataSource.Sent> recounts = recounts(counting);
      assertThat(recounts).hasSize(2);
      assertSentWithTheOwnersDelete(counting, recounts.getFirst());
      var run = lethe.findRun("run-6").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(db.count("SELECT COUNT(*) FROM owner WHERE email = 'c@example.com'")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM item WHERE owner_id = 1")).isZero();
    }
  }

  /**
   * On PostgreSQL a page that completes its run has its statements planned once for any keys (a
   * generic plan): left to choose, the server planned the deletes of a subject's few rows again at
   * every execution. The setting lasts to the end of the page's transaction: the connection, the
   * host's, goes back to its pool as it came.
   */
  @Test
  void the_pages_completing_their_runs_reuse_plans_made_for_any_keys() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      platform(db);
      for (int owner = 10; owner < 20; owner++) {
        db.execute(
            "INSERT INTO owner VALUES (" + owner + ", 'o" + owner + "@example.com', NULL)",
            "INSERT INTO item (id, owner_id, doc) VALUES ("
                + owner * 10
                + ", "
                + owner
                + ", NULL), ("
                + (owner * 10 + 1)
                + ", "
                + owner
                + ", NULL)");
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setMaximumPoolSize(SESSIONS); // what the migrations take; each session read after
      try (HikariDataSource sessions = new HikariDataSource(config)) {
        Lethe lethe = open(sessions, MAP, new LocalDirectoryFileStore(files));
        for (int owner = 10; owner < 20; owner++) {
          Receipt receipt =
              lethe.erase(subject(lethe, "o" + owner + "@example.com"), List.of(), "run-" + owner);
          assertThat(receipt.entity("item").deleted()).isEqualTo(2);
        }

        List<long[]> plans = new ArrayList<>();
        List<Connection> all = new ArrayList<>();
        try {
          for (int i = 0; i < SESSIONS; i++) {
            all.add(sessions.getConnection());
          }
          for (Connection connection : all) {
            try (Statement statement = connection.createStatement()) {
              try (ResultSet rows =
                  statement.executeQuery(
                      "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                          + " WHERE statement LIKE '%delete from \"item\"%'")) {
                while (rows.next()) {
                  plans.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
              }
              try (ResultSet row = statement.executeQuery("SHOW plan_cache_mode")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("auto");
              }
            }
          }
        } finally {
          for (Connection connection : all) {
            connection.close();
          }
        }
        // prepared on the server once the driver of a session saw the page's statements 5 times
        assertThat(plans).isNotEmpty();
        assertThat(plans).allSatisfy(p -> assertThat(p[1]).as("custom plans").isZero());
        assertThat(plans.stream().mapToLong(p -> p[0]).sum()).isPositive();
      }
      assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id >= 10")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM item WHERE owner_id >= 10")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(5);
    }
  }

  private static void assertSentWithTheOwnersDelete(
      CountingDataSource counting, CountingDataSource.Sent recount) {
    assertThat(counting.containing("delete from \"owner\""))
        .singleElement()
        .extracting(CountingDataSource.Sent::call)
        .isEqualTo(recount.call());
  }

  /** The statements that counted what is left of the subject (the verification's recount). */
  private static List<CountingDataSource.Sent> recounts(CountingDataSource counting) {
    return counting.containing("select (select count(*) from (select ");
  }

  private void platform(TestDatabase db) throws SQLException, IOException {
    db.execute(
        "CREATE TABLE owner (id BIGINT PRIMARY KEY, email VARCHAR(100), avatar VARCHAR(100))",
        "CREATE TABLE item (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id),"
            + " email VARCHAR(100), doc VARCHAR(100), thumb VARCHAR(100))",
        "INSERT INTO owner VALUES (1, 'a@example.com', 'a.png'), (2, 'b@example.com', 'b.png')",
        "INSERT INTO item (id, owner_id) VALUES (1, 1), (2, 1), (3, 1), (4, 2), (5, 2)");
    Files.writeString(files.resolve("a.png"), "a");
    Files.writeString(files.resolve("b.png"), "b");
  }

  private static Lethe open(DataSource dataSource, String map, FileStore store) {
    return open(dataSource, map, store, ExecutionOptions.defaults());
  }

  private static Lethe open(
      DataSource dataSource, String map, FileStore store, ExecutionOptions options) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            DataMapLoader.load("start.yaml", map),
            store,
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            options));
  }

  private static ErasureRequest subject(Lethe lethe) {
    return subject(lethe, "a@example.com");
  }

  private static ErasureRequest subject(Lethe lethe, String email) {
    return ErasureRequest.of(
        "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, email)));
  }
}
