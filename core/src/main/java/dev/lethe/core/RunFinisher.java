package dev.lethe.core;

import dev.lethe.core.execute.Closing;
import dev.lethe.core.execute.Execution;
import dev.lethe.core.execute.Executor;
import dev.lethe.core.execute.RunStart;
import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.Planner;
import dev.lethe.core.plan.ScopeCounter;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunStore;
import dev.lethe.core.state.RunTallies;
import dev.lethe.core.verify.Verifier;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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
      AtomicReference<Receipt> closed = new AtomicReference<>();
      Execution execution =
          executor.execute(
              runId,
              plan,
              start,
              Optional.of(
                  new Closing() {
                    @Override
                    public Optional<ScopeCounter.TreeCount> recount(
                        DSLContext tx, Node tree, List<?> keys) {
                      return new ScopeCounter(tx, bound, new Selector(plan.held()))
                          .treeCount(tree, keys);
                    }

                    @Override
                    public boolean close(
                        DSLContext tx,
                        RunTallies tallies,
                        boolean filesRecorded,
                        Optional<ScopeCounter.Recounted> recounted) {
                      Optional<Receipt> receipt =
                          completeIn(tx, run, plan, tallies, filesRecorded, recounted);
                      receipt.ifPresent(closed::set);
                      return receipt.isPresent();
                    }
                  }));
      if (execution.closed()) {
        return completed(run, closed.get());
      }
      if (execution.pendingFiles() > 0) {
        throw new FilesPendingException(runId, execution.pendingFiles());
      }
      RunTallies tallies;
      DeletedFiles unmarkedFiles;
      if (execution.tallies().isPresent()) {
        tallies = execution.tallies().get();
        unmarkedFiles = executor.unmarkedFiles(runId);
      } else {
        // a resumed run's counts are read back, and another process sweeping its files may have
        // written some of those deleted here already: they are written first, each counted once
        executor.markFiles();
        tallies = runs.tallies(runId);
        unmarkedFiles = DeletedFiles.NONE;
      }
      Verified verified = verify(dsl, run, plan, tallies, Optional.empty());
      if (!verified.result().verification().passed()) {
        throw new VerificationFailedException(runId, verified.result().verification().problems());
      }
      runs.completion()
          .complete(
              runId,
              ReceiptJson.write(verified.receipt()),
              clock.instant(),
              tallies.recordedKeys(),
              unmarkedFiles.count());
      // the completion forgot the run's files, written or not
      executor.filesMarked();
      return completed(run, verified.receipt());
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

  /** A run's receipt, and what its verification found. */
  private record Verified(Receipt receipt, Verifier.Result result) {}

  /**
   * Counts again what is left of the plan's roots through {@code db} (a tree's counts taken from
   * {@code recounted} when read already), verifies that nothing of the subject is, and builds the
   * receipt of what the run did ({@code tallies}).
   */
  private Verified verify(
      DSLContext db,
      RunRecord run,
      Plan plan,
      RunTallies tallies,
      Optional<ScopeCounter.Recounted> recounted) {
    // the same roots and holds, counted again: what is left of them
    Plan remaining =
        new Planner(db, bound, clock)
            .withRoots(plan.request(), plan.scope(), plan.roots(), plan.held(), recounted);
    Verifier.Result result =
        new Verifier(db, bound, clock).verify(run.id(), remaining, tallies.updated());
    Receipt receipt =
        new ReceiptBuilder(bound.map()).build(run, remaining, tallies, result, clock.instant());
    return new Verified(receipt, result);
  }

  /**
   * Verifies and completes a new run in the transaction {@code tx} of its only page; empty, having
   * completed nothing, when verification finds something left (reported once the page commits, when
   * the run is verified again as any other).
   */
  private Optional<Receipt> completeIn(
      DSLContext tx,
      RunRecord run,
      Plan plan,
      RunTallies tallies,
      boolean filesRecorded,
      Optional<ScopeCounter.Recounted> recounted) {
    Verified verified = verify(tx, run, plan, tallies, recounted);
    if (!verified.result().verification().passed()) {
      return Optional.empty();
    }
    runs.completion()
        .completeIn(
            tx,
            run.id(),
            ReceiptJson.write(verified.receipt()),
            clock.instant(),
            tallies.recordedKeys() > 0,
            filesRecorded);
    return Optional.of(verified.receipt());
  }

  private static Receipt completed(RunRecord run, Receipt receipt) {
    LOG.info(
        "run {} ({}) completed: {} rows deleted, {} anonymized, {} retained, {} held",
        run.id(),
        run.scope(),
        receipt.total(Outcome.DELETED),
        receipt.total(Outcome.ANONYMIZED),
        receipt.total(Outcome.RETAINED),
        receipt.total(Outcome.HELD));
    return receipt;
  }
}
