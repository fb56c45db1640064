package dev.lethe.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.receipt.EntityOutcome;
import dev.lethe.platform.testing.TestDatabase;
import java.util.List;
import java.util.Random;

/**
 * One seed of the crash property: the same case on two fresh databases, one run straight through,
 * the other killed at a random statement and resumed by a second engine; both must end alike.
 */
final class CrashResumeCheck {

  private final TestDatabase.Kind kind;

  CrashResumeCheck(TestDatabase.Kind kind) {
    this.kind = kind;
  }

  void check(long seed) throws Exception {
    try {
      checkSeed(seed);
    } catch (RuntimeException e) {
      throw new AssertionError(GeneratedCase.of(seed).describe(), e);
    }
  }

  private void checkSeed(long seed) throws Exception {
    GeneratedCase clean = GeneratedCase.of(seed);
    GeneratedCase crashed = GeneratedCase.of(seed);
    Random random = new Random(seed * 31 + 7);
    List<LegalHold> holds = random.nextInt(3) == 0 ? clean.drawHold() : List.of();
    try (TestDatabase straight = TestDatabase.create(kind);
        TestDatabase killed = TestDatabase.create(kind)) {
      clean.create(straight.dataSource());
      crashed.create(killed.dataSource());

      FaultyDataSource counting = new FaultyDataSource(straight.dataSource());
      Lethe first = clean.open(counting.dataSource());
      String straightRun = first.start(first.plan(clean.subject.request(), holds));
      counting.count();
      List<EntityOutcome> expected = runToEnd(first, straightRun, holds);
      int statements = counting.calls();

      FaultyDataSource faulty = new FaultyDataSource(killed.dataSource());
      Lethe dying = crashed.open(faulty.dataSource());
      String run = dying.start(dying.plan(crashed.subject.request(), holds));
      int failAt = 1 + random.nextInt(statements);
      var timing =
          random.nextBoolean() ? FaultyDataSource.Timing.BEFORE : FaultyDataSource.Timing.AFTER;
      faulty.arm(failAt, timing);
      try {
        dying.run(run, holds);
      } catch (RuntimeException killedOrFailed) {
        // The connection died, or (as in the straight run) verification failed.
      }
      String context =
          "killed at call "
              + failAt
              + " of "
              + statements
              + " ("
              + timing
              + "), holds "
              + holds
              + ", "
              + crashed.describe();
      Lethe healthy = crashed.open(killed.dataSource());
      List<EntityOutcome> resumed = runToEnd(healthy, run, holds);

      List<String> tables = clean.platform.tableNames();
      assertThat(
              Snapshot.take(killed.dataSource(), tables)
                  .differencesFrom(Snapshot.take(straight.dataSource(), tables)))
          .as(context)
          .isEmpty();
      assertThat(resumed).as(context).isEqualTo(expected);
    }
  }

  /** The receipt's entities, or null when verification fails (it then fails on both runs). */
  private static List<EntityOutcome> runToEnd(Lethe lethe, String run, List<LegalHold> holds) {
    try {
      return lethe.run(run, holds).entities();
    } catch (VerificationFailedException e) {
      return null;
    }
  }
}
