package dev.lethe.core.execute;

import dev.lethe.core.datamap.Anonymization;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.core.sql.VendorSql;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.RunStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Executes a plan in short transactions, children before parents: each root's rows in pages ({@link
 * PageWalker}), then the files whose rows went deleted from the store ({@link FileSweeper}). Every
 * statement re-reads the database, so the database itself is the cursor: a run killed anywhere
 * resumes by running again, and a finished run finds nothing.
 */
public final class Executor {

  private final DSLContext dsl;
  private final RowWriter writer;
  private final ChainTemplates templates;
  private final FileSweeper sweeper;
  private final ExecutionOptions options;
  private final KeyPages pages;
  private final Anonymizer anonymizer;
  private final PageWalker walker;

  private Executor(
      DSLContext dsl,
      RowWriter writer,
      FileSweeper sweeper,
      ExecutionOptions options,
      ChainTemplates templates) {
    this.dsl = dsl;
    this.writer = writer;
    this.templates = templates;
    this.sweeper = sweeper;
    this.options = options;
    this.pages = new KeyPages(dsl, options, templates);
    this.anonymizer = new Anonymizer(dsl, writer, pages);
    this.walker = new PageWalker(dsl, writer, sweeper, pages, templates);
  }

  /**
   * @param salt the secret salt of keyed-hash anonymization
   * @param templates the pages' chains rendered so far, kept for as long as the data map, the
   *     database, {@code vendor} and {@code salt} stay the same
   */
  public static Executor create(
      DSLContext dsl,
      RunStore runs,
      VendorSql vendor,
      String salt,
      FileStore files,
      ExecutionOptions options,
      ChainTemplates templates) {
    return new Executor(
        dsl, new RowWriter(vendor, salt), new FileSweeper(runs.files(), files), options, templates);
  }

  /** How many of a root set's keys are handed to its pages at a time. */
  static final int ROOT_CHUNK = 500;

  /**
   * Runs {@code plan} for run {@code runId}, storing the run with its first change if {@code start}
   * is pending (and at the end if nothing changed). A new run whose roots fit one page, on
   * PostgreSQL or H2 and without holds, is completed by {@code closing} in that page's transaction
   * ({@link OnlyPage}), when given.
   */
  public Execution execute(String runId, Plan plan, RunStart start, Optional<Closing> closing) {
    boolean fromStart = start.isPending();
    if (fromStart) {
      sweeper.begin(runId);
    }
    Selector selector = new Selector(plan.held());
    Run run =
        new Run(
            runId,
            new PageTree(selector, plan.held().any()),
            start,
            new CallTally(),
            OnlyPage.of(dsl, runId, plan, start, closing, pages, sweeper),
            Pace.NONE);
    for (RootSet root : plan.roots()) {
      List<Object> keys = root.keys();
      for (int from = 0; from < keys.size(); from += ROOT_CHUNK) {
        List<Object> chunk = keys.subList(from, Math.min(keys.size(), from + ROOT_CHUNK));
        if (root.anonymizesRoots()) {
          anonymizer.roots(run, root, chunk);
        } else if (!plan.held().any()) {
          // the roots were just found: without holds, their keys are the first pages' keys
          pages.forEachOf(
              chunk, pages.sizer(root.tree()), page -> walker.handlePage(run, root.tree(), page));
        } else {
          walker.pageThrough(
              run,
              root.tree(),
              KeyPages.Rows.of(root.tree().entity(), selector.reach(root.tree(), chunk)));
        }
      }
    }
    if (run.closed()) {
      return new Execution(0, Optional.of(run.tally().tallies()), true);
    }
    start.storeIfPending();
    int pending = sweeper.drain(runId, options.fileAttempts(), run.tally());
    return new Execution(
        pending, fromStart ? Optional.of(run.tally().tallies()) : Optional.empty(), false);
  }

  /**
   * The files of run {@code runId} deleted from the store whose deletion is still to be written:
   * for a run executed from its start, counted in its tallies already, the caller forgets them with
   * the run's completion (which forgets every file of the run), then calls {@link #filesMarked}, or
   * has them written by {@link #markFiles} if the run does not complete. A resumed run's caller,
   * which reads its counts back, has them written first: another process sweeping the run may have
   * written some of them.
   */
  public DeletedFiles unmarkedFiles(String runId) {
    return sweeper.handOver(runId);
  }

  public void filesMarked() {
    sweeper.marked();
  }

  /** Writes the deletion of the files deleted from the store and not written so yet. */
  public void markFiles() {
    sweeper.mark();
  }

  /**
   * This executor with no page of more than {@code most} keys (a retention rule's {@code batch}):
   * the same file sweeper, its pages sized afresh.
   */
  public Executor withBatchesOfAtMost(int most) {
    return new Executor(dsl, writer, sweeper, options.atMost(most), templates);
  }

  /**
   * Deletes the rows of {@code root}'s entity that {@code rows} selects, with everything below
   * them, as a retention sweep does, waiting after each page as {@code pace} says; returns the
   * number of files still pending.
   */
  public int deleteWhere(String runId, Node root, Condition rows, HeldRows held, Pace pace) {
    Selector selector = new Selector(held);
    CallTally tally = new CallTally();
    walker.pageThrough(
        new Run(runId, new PageTree(selector, held.any()), RunStart.stored(), tally, null, pace),
        root,
        KeyPages.Rows.of(root.entity(), rows.and(held.notHeld(root.entity()))));
    int pending = sweeper.drain(runId, options.fileAttempts(), tally);
    sweeper.mark();
    return pending;
  }

  /**
   * Rewrites {@code set} in the rows {@code rows} selects, in keyed pages, waiting after each as
   * {@code pace} says.
   */
  public void anonymizeWhere(
      String runId,
      BoundEntity entity,
      Map<String, Anonymization> set,
      Condition rows,
      HeldRows held,
      Pace pace) {
    anonymizer.where(runId, entity, set, rows, held, pace);
  }
}
