package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.state.RunStatus;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run erased in one go is stored in the transaction of its first change: one commit fewer, and a
 * failure before that change leaves neither the run nor anything changed.
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
        item:
          parents:
            owner_id: { entity: owner, on_delete: cascade }
      scopes:
        subject:
          roots:
            - entity: owner
              identified_by: [email]
      """;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_small_erasure_commits_its_run_with_its_page_and_its_completion(TestDatabase.Kind kind)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource());
      counting.commits.set(0);

      Receipt receipt = lethe.erase(subject(lethe), List.of(), "run-1");

      assertThat(receipt.entity("owner").deleted()).isEqualTo(1);
      assertThat(receipt.entity("item").deleted()).isEqualTo(3);
      assertThat(counting.commits.get()).isEqualTo(2);
      assertThat(lethe.findRun("run-1").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_failure_before_the_first_change_leaves_no_run_and_erasing_again_completes(
      TestDatabase.Kind kind) throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      platform(db);
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource());
      counting.failBatches.set(true);

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-2"))
          .hasRootCauseMessage("connection lost");
      counting.failBatches.set(false);

      assertThat(lethe.findRun("run-2")).isEmpty();
      assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(5);

      Receipt receipt = lethe.erase(subject(lethe), List.of(), "run-2");

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(lethe.findRun("run-2").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(db.count("SELECT COUNT(*) FROM owner")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM item")).isEqualTo(2);
    }
  }

  private static void platform(TestDatabase db) throws SQLException {
    db.execute(
        "CREATE TABLE owner (id BIGINT PRIMARY KEY, email VARCHAR(100))",
        "CREATE TABLE item (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))",
        "INSERT INTO owner VALUES (1, 'a@example.com'), (2, 'b@example.com')",
        "INSERT INTO item VALUES (1, 1), (2, 1), (3, 1), (4, 2), (5, 2)");
  }

  private static Lethe open(DataSource dataSource) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            DataMapLoader.load("start.yaml", MAP),
            new NoFileStore(),
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            ExecutionOptions.defaults()));
  }

  private static ErasureRequest subject(Lethe lethe) {
    return ErasureRequest.of(
        "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, "a@example.com")));
  }
}
