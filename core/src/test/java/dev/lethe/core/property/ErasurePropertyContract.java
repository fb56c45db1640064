package dev.lethe.core.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.plan.EntityCount;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.receipt.EntityOutcome;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Erasure on random platforms, checked against {@link Oracle}: nothing of the subject remains,
 * every other row is unchanged, and the plan's preview, the receipt and the oracle agree. Rerun one
 * case with {@code -Dlethe.property.seed=<seed>}.
 */
abstract class ErasurePropertyContract {

  abstract TestDatabase.Kind kind();

  /** How many seeds each property runs on this database. */
  abstract int seeds();

  static Stream<DynamicTest> forSeeds(long base, int count, SeedCheck check) {
    String only = System.getProperty("lethe.property.seed");
    LongStream seeds =
        only != null ? LongStream.of(Long.parseLong(only)) : LongStream.range(base, base + count);
    return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check.run(seed)));
  }

  interface SeedCheck {
    void run(long seed) throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> erasing_a_random_subject_changes_exactly_what_the_data_map_says() {
    return forSeeds(1_000, seeds(), seed -> checkErasure(GeneratedCase.of(seed), List.of()));
  }

  @TestFactory
  Stream<DynamicTest>
      a_held_row_stays_with_what_hangs_below_it_and_the_rest_goes_as_the_map_says() {
    return forSeeds(
        2_000,
        seeds() / 2,
        seed -> {
          GeneratedCase generated = GeneratedCase.of(seed);
          checkErasure(generated, generated.drawHold());
        });
  }

  @TestFactory
  Stream<DynamicTest> a_run_killed_at_any_statement_resumes_to_the_same_tables_and_receipt() {
    return forSeeds(3_000, crashSeeds(), new CrashResumeCheck(kind())::check);
  }

  /** How many seeds the crash property runs: each needs two databases and two runs. */
  int crashSeeds() {
    return Math.max(2, seeds() / 2);
  }

  private void checkErasure(GeneratedCase generated, List<LegalHold> holds) throws Exception {
    String context = generated.describe() + "holds: " + holds + "\n";
    try (TestDatabase db = TestDatabase.create(kind())) {
      checkErasure(generated, holds, db, context);
    } catch (RuntimeException e) {
      throw new AssertionError(context, e);
    }
  }

  private void checkErasure(
      GeneratedCase generated, List<LegalHold> holds, TestDatabase db, String context)
      throws Exception {
    {
      generated.create(db.dataSource());
      Lethe lethe = generated.open(db.dataSource());
      List<String> tables = generated.platform.tableNames();
      Snapshot before = Snapshot.take(db.dataSource(), tables);
      Oracle.Expectation expected =
          new Oracle(generated.platform, generated.data, generated.subject, holds).expect();

      Plan plan = lethe.plan(generated.subject.request(), holds);
      assertThat(plan.roots().get(0).keys())
          .as(context)
          .containsExactlyElementsOf(expected.roots());
      assertThat(previewCounts(plan)).as("preview, " + context).isEqualTo(expected.counts());
      String run = lethe.start(plan);
      if (expected.problems().isEmpty()) {
        Receipt receipt = lethe.run(run, holds);
        assertThat(receipt.verification().passed()).as(context).isTrue();
        assertThat(receiptCounts(receipt)).as("receipt, " + context).isEqualTo(done(expected));
        assertThat(receiptHeld(receipt)).as("held, " + context).isEqualTo(expected.heldAfter());
        assertThat(receipt.nothingFound()).as(context).isEqualTo(expected.nothingFound());
        for (EntityOutcome entity : receipt.entities()) {
          if (entity.retained() > 0) {
            assertThat(entity.retainedUntil())
                .as(context)
                .isEqualTo(expected.retainedUntil().get(entity.entity()));
          }
        }
      } else {
        assertThatThrownBy(() -> lethe.run(run, holds))
            .as("verification must fail with %s, %s", expected.problems(), context)
            .isInstanceOf(VerificationFailedException.class);
      }
      Snapshot after = Snapshot.take(db.dataSource(), tables);
      Snapshot wanted = before.after(expected, lethe.hasher().hex("anonymization", "salt"));
      assertThat(after.differencesFrom(wanted)).as(context).isEmpty();
    }
  }

  static Map<String, Map<Outcome, Long>> previewCounts(Plan plan) {
    Map<String, Map<Outcome, Long>> counts = new TreeMap<>();
    for (EntityCount entity : plan.preview().entities()) {
      Map<Outcome, Long> nonZero = new EnumMap<>(Outcome.class);
      entity
          .counts()
          .forEach(
              (o, n) -> {
                if (n != 0) {
                  nonZero.put(o, n);
                }
              });
      counts.put(entity.entity(), nonZero);
    }
    return counts;
  }

  /** The expected counts without the held rows, which the receipt counts after the run. */
  private static Map<String, Map<Outcome, Long>> done(Oracle.Expectation expected) {
    Map<String, Map<Outcome, Long>> done = new TreeMap<>();
    expected
        .counts()
        .forEach(
            (table, counts) -> {
              Map<Outcome, Long> copy = new EnumMap<>(counts);
              copy.remove(Outcome.HELD);
              if (!copy.isEmpty()) {
                done.put(table, copy);
              }
            });
    return done;
  }

  static Map<String, Map<Outcome, Long>> receiptCounts(Receipt receipt) {
    Map<String, Map<Outcome, Long>> counts = new TreeMap<>();
    for (String table : receipt.entities().stream().map(EntityOutcome::entity).toList()) {
      counts.put(table, new EnumMap<>(Outcome.class));
    }
    for (EntityOutcome e : receipt.entities()) {
      Map<Outcome, Long> c = counts.get(e.entity());
      put(c, Outcome.DELETED, e.deleted());
      put(c, Outcome.DETACHED, e.detached());
      put(c, Outcome.ANONYMIZED, e.anonymized());
      put(c, Outcome.RETAINED, e.retained());
    }
    counts.values().removeIf(Map::isEmpty);
    return counts;
  }

  private static Map<String, Long> receiptHeld(Receipt receipt) {
    Map<String, Long> held = new TreeMap<>();
    receipt.entities().stream()
        .filter(e -> e.held() != 0)
        .forEach(e -> held.put(e.entity(), e.held()));
    return held;
  }

  private static void put(Map<Outcome, Long> counts, Outcome outcome, long n) {
    if (n != 0) {
      counts.put(outcome, n);
    }
  }
}
