package dev.lethe.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The smallest platforms on which the erasure properties once failed, kept as plain examples. */
class SmallCasesFoundByPropertiesTest {

  private static final String PARENT =
      "version: 1\nname: small\nentities:\n  t0:\n    identities:\n      email: email\n";
  private static final String SCOPE =
      "scopes:\n  subject:\n    roots:\n      - entity: t0\n        identified_by: [email, ids]\n";

  private TestDatabase db;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = TestDatabase.create(TestDatabase.Kind.H2);
    sql("CREATE TABLE t0 (id BIGINT PRIMARY KEY, email VARCHAR(100))");
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private Lethe open(String entities, int batch) {
    return Lethe.open(
        new Lethe.Config(
            db.dataSource(),
            DataMapLoader.load("small.yaml", PARENT + entities + SCOPE),
            new NoFileStore(),
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            new ExecutionOptions(batch, batch, 100, 1)));
  }

  private static ErasureRequest byEmail(Lethe lethe) {
    return ErasureRequest.of(
        "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, "a@example.com")));
  }

  private static Map<Outcome, Long> preview(Plan plan, String entity) {
    return plan.preview().entities().stream()
        .filter(e -> e.entity().equals(entity))
        .findFirst()
        .orElseThrow()
        .counts();
  }

  @Test
  void a_row_anonymized_through_two_relations_is_anonymized_once() throws SQLException {
    sql(
        "CREATE TABLE t1 (id BIGINT PRIMARY KEY, a BIGINT, b BIGINT, na VARCHAR(20), nb VARCHAR(20))",
        "INSERT INTO t0 VALUES (1, 'a@example.com')",
        "INSERT INTO t1 VALUES (10, 1, 1, 'x', 'y')");
    Lethe lethe =
        open(
            "  t1:\n    parents:\n"
                + "      a: { entity: t0, on_delete: anonymize, set: { na: null } }\n"
                + "      b: { entity: t0, on_delete: anonymize, set: { nb: null } }\n",
            64);

    Receipt receipt = lethe.erase(byEmail(lethe), List.of());

    assertThat(receipt.entity("t1").anonymized()).isEqualTo(1);
  }

  @Test
  void a_row_whose_cascading_reference_is_null_is_still_counted_as_detached() throws SQLException {
    sql(
        "CREATE TABLE t1 (id BIGINT PRIMARY KEY, c BIGINT, d BIGINT)",
        "INSERT INTO t0 VALUES (1, 'a@example.com')",
        "INSERT INTO t1 VALUES (10, NULL, 1)");
    Lethe lethe =
        open(
            "  t1:\n    parents:\n"
                + "      c: { entity: t0, on_delete: cascade }\n"
                + "      d: { entity: t0, on_delete: detach }\n",
            64);

    Plan plan = lethe.plan(byEmail(lethe), List.of());

    assertThat(preview(plan, "t1")).containsEntry(Outcome.DETACHED, 1L);
  }

  @Test
  void a_row_detached_in_one_batch_and_deleted_in_a_later_one_counts_as_deleted_only()
      throws SQLException {
    sql(
        "CREATE TABLE t1 (id BIGINT PRIMARY KEY, c BIGINT, d BIGINT)",
        "INSERT INTO t0 VALUES (1, 'a@example.com'), (2, 'a@example.com')",
        "INSERT INTO t1 VALUES (10, 2, 1)");
    Lethe lethe =
        open(
            "  t1:\n    parents:\n"
                + "      c: { entity: t0, on_delete: cascade }\n"
                + "      d: { entity: t0, on_delete: detach }\n",
            1);

    Receipt receipt = lethe.erase(byEmail(lethe), List.of());

    assertThat(receipt.entity("t1").deleted()).isEqualTo(1);
    assertThat(receipt.entity("t1").detached()).isZero();
  }

  @Test
  void a_held_row_on_a_retaining_relation_keeps_the_row_it_references() throws SQLException {
    sql(
        "CREATE TABLE t1 (id BIGINT PRIMARY KEY, p BIGINT, created_at TIMESTAMP NOT NULL,"
            + " CONSTRAINT fk_t1_p FOREIGN KEY (p) REFERENCES t0 (id))",
        "INSERT INTO t0 VALUES (1, 'a@example.com')",
        "INSERT INTO t1 VALUES (10, 1, TIMESTAMP '2026-01-01 00:00:00')");
    Lethe lethe =
        open(
            "  t1:\n    parents:\n      p: { entity: t0, on_delete: retain }\n"
                + "    retained: { basis: law, for: 7 years, since: created_at }\n",
            64);
    List<LegalHold> holds =
        List.of(new LegalHold("h", new LegalHold.Row("t1", "10"), "", Optional.empty()));

    Receipt receipt = lethe.erase(byEmail(lethe), holds);

    assertThat(receipt.entity("t0").deleted()).isZero();
    assertThat(receipt.entity("t1").held()).isEqualTo(1);
    assertThat(receipt.verification().passed()).isTrue();
  }

  @Test
  void a_held_row_reached_only_through_a_detaching_relation_appears_on_the_receipt()
      throws SQLException {
    sql(
        "CREATE TABLE t1 (id BIGINT PRIMARY KEY, d BIGINT)",
        "INSERT INTO t0 VALUES (1, 'a@example.com')",
        "INSERT INTO t1 VALUES (10, 1)");
    Lethe lethe = open("  t1:\n    parents:\n      d: { entity: t0, on_delete: detach }\n", 64);
    List<LegalHold> holds =
        List.of(new LegalHold("h", new LegalHold.Row("t1", "10"), "", Optional.empty()));

    Receipt receipt = lethe.erase(byEmail(lethe), holds);

    assertThat(receipt.entity("t1").held()).isEqualTo(1);
    assertThat(receipt.entity("t1").holds()).containsExactly("h");
  }
}
