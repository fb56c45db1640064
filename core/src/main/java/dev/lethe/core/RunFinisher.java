package dev.lethe.core;

import dev.lethe.core.execute.Execution;
import dev.lethe.core.execute.Executor;
import dev.lethe.core.execute.RunStart;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.Planner;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.state.FileMarks;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunStore;
import dev.lethe.core.state.RunTallies;
import dev.lethe.core.verify.Verifier;
import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a started run from its plan, verifies it and completes it with its receipt; records why
 * it stopped when it fails, so that running it again resumes it.
 */
final class RunFinisher {

  private static final Logger LOG = LoggerFactory.getLogger(Lethe.class);

  private final DSLContext dsl;
  private final BoundMap bound;
  private final RunStore runs;
  private final Executor executor;
  private final Clock clock;

  RunFinisher(DSLContext dsl, BoundMap bound, RunStore runs, Executor executor, Clock clock) {
    this.dsl = dsl;
    this.bound = bound;
    this.runs = runs;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * @param run the run as it is stored (or is to be), started
   * @param plan its plan, with the roots stored for it (uncounted: execution does not need counts)
   * @param start whether the run is stored yet; if not, it is stored with its first change
   */
  Receipt finish(RunRecord run, Plan plan, RunStart start) {
    String runId = run.id();
    try {
      Execution execution = executor.execute(runId, plan, start);
      if (execution.pendingFiles() > 0) {
        throw new FilesPendingException(runId, execution.pendingFiles());
      }
      // the same roots and holds, counted again: what is left of them
      Plan remaining =
          new Planner(dsl, bound, clock)
              .withRoots(plan.request(), plan.scope(), plan.roots(), plan.held());
      FileMarks unmarkedFiles = executor.unmarkedFiles(runId);
      RunTallies tallies =
          execution
              .tallies()
              .orElseGet(() -> runs.tallies(runId).plusDeletedFiles(unmarkedFiles.byEntity()));
      Verifier.Result result =
          new Verifier(dsl, bound, runs, clock).verify(runId, remaining, tallies.updated());
      Receipt receipt =
          new ReceiptBuilder(bound.map()).build(run, remaining, tallies, result, clock.instant());
      if (!result.verification().passed()) {
        throw new VerificationFailedException(runId, result.verification().problems());
      }
      runs.complete(
          runId,
          ReceiptJson.write(receipt),
          clock.instant(),
          tallies.recordedKeys(),
          tallies.deletedFiles().values().stream().mapToLong(Long::longValue).sum());
      // the completion forgot the run's files, marked or not
      executor.filesMarked();
      LOG.info(
          "run {} ({}) completed: {} rows deleted, {} anonymized, {} retained, {} held",
          runId,
          run.scope(),
          receipt.total(Outcome.DELETED),
          receipt.total(Outcome.ANONYMIZED),
          receipt.total(Outcome.RETAINED),
          receipt.total(Outcome.HELD));
      return receipt;
    } catch (RuntimeException e) {
      try {
        executor.markFiles();
      } catch (RuntimeException marking) {
        e.addSuppressed(marking);
      }
      runs.fail(runId, RunFailure.describe(e));
      RunFailure.log(LOG, runId, run.scope(), e);
      throw e;
    }
  }
}
