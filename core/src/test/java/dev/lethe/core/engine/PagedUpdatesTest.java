package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows a detaching or anonymizing relation gives one parent row are updated in batches of their
 * own, not in one statement for them all, and every one of them exactly once.
 */
class PagedUpdatesTest {

  private static final String MAP =
      """
      version: 1
      name: paged
      entities:
        owner:
          identities:
            email: email
        member:
          parents:
            owner_id: { entity: owner, on_delete: detach }
        note:
          parents:
            owner_id: { entity: owner, on_delete: anonymize, set: { body: { text: "[removed]" } } }
      scopes:
        subject:
          roots:
            - entity: owner
              identified_by: [email]
      """;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void many_rows_below_one_parent_are_updated_in_batches_and_nothing_else_changes(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Lethe lethe = openOnOwners(db);

      Receipt receipt = eraseOwnerA(lethe);

      assertThat(receipt.entity("member").detached()).isEqualTo(45);
      assertThat(receipt.entity("note").anonymized()).isEqualTo(45);
      assertThat(receipt.verification().passed()).isTrue();
      assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id = 1")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM member WHERE owner_id IS NULL AND name = 'm'"))
          .isEqualTo(45);
      assertThat(
              db.count("SELECT COUNT(*) FROM note WHERE owner_id IS NULL AND body = '[removed]'"))
          .isEqualTo(45);
      // the other owner's rows are untouched
      assertThat(db.count("SELECT COUNT(*) FROM member WHERE owner_id = 2 AND name = 'm'"))
          .isEqualTo(5);
      assertThat(db.count("SELECT COUNT(*) FROM note WHERE owner_id = 2 AND body = 'secret'"))
          .isEqualTo(5);
      // 45 rows in batches of at most 4, for each relation, besides the owner's own batch
      assertThat(db.count("SELECT batches FROM lethe_runs")).isGreaterThanOrEqualTo(2 * 12 + 1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_keys_recorded_of_updated_rows_are_forgotten_once_the_run_completes(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Receipt receipt = eraseOwnerA(openOnOwners(db));

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_updated")).isZero();

      // a process that stopped between a run's completion and forgetting its keys left them:
      // more than a first page of them, forgotten when Lethe opens again
      StringBuilder leftover =
          new StringBuilder(
              "INSERT INTO lethe_run_updated (run_id, entity, outcome, row_key) VALUES");
      for (int i = 0; i < 5_500; i++) {
        leftover
            .append(i == 0 ? " " : ", ")
            .append("('")
            .append(receipt.runId())
            .append("', 'member', 'detached', '")
            .append(i)
            .append("')");
      }
      db.execute(leftover.toString());
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_updated")).isEqualTo(5_500);

      openOnOwners(db, false);

      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_updated")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_run_that_recorded_more_than_a_page_of_keys_forgets_them_after_its_completion_in_pages(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      openOnOwners(db);
      // owners 3 and 4 with 5,010 members each to detach: more keys than a completion forgets
      for (int owner = 3; owner <= 4; owner++) {
        StringBuilder members = new StringBuilder("INSERT INTO member VALUES");
        for (int i = 0; i < 5_010; i++) {
          members
              .append(i == 0 ? " " : ", ")
              .append("(")
              .append(owner * 10_000 + i)
              .append(", ")
              .append(owner)
              .append(", 'm')");
        }
        db.execute(
            "INSERT INTO owner VALUES (" + owner + ", 'owner" + owner + "@example.com')",
            members.toString());
      }
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      // every page far quicker than an hour: each page of keys forgotten twice the one before
      Lethe lethe = open(counting.dataSource(), new ExecutionOptions(64, 5_000, 3_600_000, 4));

      // erased in one go (the call's own tallies), then planned, started and run (read back)
      for (int owner = 3; owner <= 4; owner++) {
        ErasureRequest request =
            ErasureRequest.of(
                "subject",
                List.of(
                    lethe
                        .normalizer()
                        .normalize(IdentityKind.EMAIL, "owner" + owner + "@example.com")));
        counting.sent.clear();

        Receipt receipt =
            owner == 3
                ? lethe.erase(request, List.of())
                : lethe.run(lethe.start(lethe.plan(request, List.of())), List.of());

        assertThat(receipt.verification().passed()).isTrue();
        assertThat(receipt.entity("member").detached()).isEqualTo(5_010);
        assertThat(db.count("SELECT COUNT(*) FROM lethe_run_updated")).isZero();
        // not in the completion's batch, but in pages of their own after it: 1,000, 2,000, 2,010
        assertThat(counting.containing("delete from", "lethe_run_updated"))
            .hasSize(3)
            .noneMatch(CountingDataSource.Sent::batched);
        // a run erased in one go counted its own tallies; a run started before reads them back
        assertThat(counting.containing("lethe_run_counts", "union all"))
            .hasSize(owner == 3 ? 0 : 1);
      }
      assertThat(db.count("SELECT COUNT(*) FROM member WHERE owner_id IS NULL")).isEqualTo(10_020);
      assertThat(db.count("SELECT COUNT(*) FROM member WHERE owner_id = 1")).isEqualTo(45);
    }
  }

  private static Lethe openOnOwners(TestDatabase db) throws SQLException {
    return openOnOwners(db, true);
  }

  /** Two owners with 45 and 5 members and notes, and Lethe on them in batches of 4. */
  private static Lethe openOnOwners(TestDatabase db, boolean create) throws SQLException {
    if (create) {
      List<String> setup = new ArrayList<>();
      setup.add("CREATE TABLE owner (id BIGINT PRIMARY KEY, email VARCHAR(100))");
      setup.add(
          "CREATE TABLE member (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id),"
              + " name VARCHAR(20))");
      setup.add(
          "CREATE TABLE note (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id),"
              + " body VARCHAR(20))");
      setup.add("INSERT INTO owner VALUES (1, 'a@example.com'), (2, 'b@example.com')");
      for (int i = 1; i <= 50; i++) {
        setup.add("INSERT INTO member VALUES (" + i + ", " + (i % 10 == 0 ? 2 : 1) + ", 'm')");
        setup.add("INSERT INTO note VALUES (" + i + ", " + (i % 10 == 0 ? 2 : 1) + ", 'secret')");
      }
      db.execute(setup.toArray(String[]::new));
    }
    return open(db.dataSource(), new ExecutionOptions(4, 4, 100, 1));
  }

  private static Lethe open(javax.sql.DataSource dataSource, ExecutionOptions options) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            DataMapLoader.load("paged.yaml", MAP),
            new NoFileStore(),
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            options));
  }

  private static Receipt eraseOwnerA(Lethe lethe) {
    return lethe.erase(
        ErasureRequest.of(
            "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, "a@example.com"))),
        List.of());
  }
}
