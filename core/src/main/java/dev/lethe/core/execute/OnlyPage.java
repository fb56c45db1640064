package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.FileQueue;
import dev.lethe.core.state.RunCompletion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The one page of a new run whose roots fit a single page: its transaction is the run's last, and
 * its first too when everything below the roots joined it. The run is then completed in that
 * transaction ({@link Closing}) instead of in one of its own: its files are deleted from the store
 * before the commit (a crash before it leaves the rows to be erased again, the files found gone).
 * On PostgreSQL their keys are held, returned by the deletes and never written ({@link
 * RecordedFiles}); on H2 they are recorded and forgotten with the completion.
 *
 * <p>Not on MariaDB: there a transaction at repeatable read locks the gaps beside the rows its
 * statements scan, and the completion's deletes by run (its roots, its files) would lock those
 * beside other runs' rows; its completion keeps a read-committed transaction of its own.
 */
final class OnlyPage {

  /**
   * The most files deleted from the store while the page's transaction is open: a store slow to
   * answer (a remote object store) must not hold the subject's rows locked for long. A page that
   * held more is rolled back and handled again as any other ({@link TooManyFiles}): it commits with
   * its files recorded, and they are swept after it.
   */
  static final int FILES_IN_TRANSACTION = 64;

  private final String runId;
  private final Node node;
  private final Closing closing;
  private final FileSweeper sweeper;

  private boolean closed;
  private boolean declined;

  /**
   * Thrown in the page's transaction, to roll it back, when its deletes held more files' keys than
   * it deletes from the store in its transaction ({@value #FILES_IN_TRANSACTION}): it returned only
   * the first few, and the page is handled again as any other, its files recorded ({@link
   * #decline}).
   */
  static final class TooManyFiles extends RuntimeException {
    TooManyFiles(long held) {
      super(held + " files held by a page that completes its run", null, false, false);
    }
  }

  private OnlyPage(String runId, Node node, Closing closing, FileSweeper sweeper) {
    this.runId = runId;
    this.node = node;
    this.closing = closing;
    this.sweeper = sweeper;
  }

  /**
   * The only page of {@code plan}'s run, if the run is new, without holds, and its roots are of one
   * root set that fits one page; null otherwise.
   */
  static OnlyPage of(
      DSLContext dsl,
      String runId,
      Plan plan,
      RunStart start,
      Optional<Closing> closing,
      KeyPages pages,
      FileSweeper sweeper) {
    SQLDialect family = dsl.dialect().family();
    if (closing.isEmpty()
        || !start.isPending()
        || plan.held().any()
        || (family != SQLDialect.POSTGRES && family != SQLDialect.H2)) {
      return null;
    }
    List<RootSet> roots = plan.roots().stream().filter(r -> !r.keys().isEmpty()).toList();
    if (roots.size() != 1) {
      return null;
    }
    RootSet root = roots.getFirst();
    int keys = root.keys().size();
    if (root.anonymizesRoots()
        || keys > Executor.ROOT_CHUNK
        || keys > pages.sizer(root.tree()).size()) {
      return null;
    }
    return new OnlyPage(runId, root.tree(), closing.get(), sweeper);
  }

  /**
   * On PostgreSQL, adds the closing's recount of what is left below {@code keys}, the run's roots,
   * after the page's statements ({@link Closing#recount}): read in the page's round trip, not one
   * of its own.
   */
  void addRecount(DSLContext tx, PageSteps page, List<Object> keys) {
    if (Together.returnsRows(tx)) {
      closing.recount(tx, node, keys).ifPresent(page::recount);
    }
  }

  /**
   * Whether a page of {@code node} is this one while nothing of the run has committed, unless it
   * was {@link #decline declined}.
   */
  boolean is(Node node, RunStart start) {
    return !declined && node == this.node && start.isPending();
  }

  /** Leaves the run to complete as any other: its page is handled as any other. */
  void decline() {
    declined = true;
  }

  /**
   * In the page's transaction {@code tx}, after its statements, its batch's end and its files' keys
   * left to this ({@link PageStatements#completesRun}) and the run stored without its roots ({@link
   * RunStart#statements(DSLContext, boolean)}): deletes the files from the store and completes the
   * run ({@link Closing}), whose receipt holds its counts; nothing of its files is written. False,
   * the run not completed, its batch ended, its files and roots recorded in {@code tx}, when the
   * run recorded more keys than one round trip forgets, the store refused a file, or the closing
   * declined: the page then commits as any other (the run to resume from its roots after a crash),
   * and its files are swept after it.
   *
   * @throws TooManyFiles when the page held more than {@value #FILES_IN_TRANSACTION} files (a slow
   *     store must not keep the rows locked), before any is deleted
   */
  boolean close(DSLContext tx, PageStatements page, List<Object> keys, RunStart start) {
    if (tryClose(tx, page, keys)) {
      return true;
    }
    page.endBatch();
    start.storeRoots(tx);
    page.recorded().store(tx, runId);
    return false;
  }

  /**
   * {@link #close}, but for the batch's end, the files and the roots when it declines. Nothing of
   * the run committed before this page (see {@link #is}): what the page counted and recorded is all
   * the run did. Files recorded rather than held (on H2, whose deletes do not return rows) are read
   * back when they were not returned.
   */
  private boolean tryClose(DSLContext tx, PageStatements page, List<Object> keys) {
    RecordedFiles files = page.recorded();
    if (files.heldCount() > FILES_IN_TRANSACTION) {
      throw new TooManyFiles(files.heldCount());
    }
    List<FileQueue.PendingFile> recorded = new ArrayList<>(files.heldFiles());
    if (files.written()) {
      recorded.addAll(
          files
              .recorded()
              .orElseGet(() -> FileQueue.pendingIn(tx, runId, FILES_IN_TRANSACTION + 1)));
    }
    if (recorded.size() > FILES_IN_TRANSACTION
        || !RunCompletion.completesAtOnce(
            page.counted().tallies().recordedKeys(), recorded.size())) {
      return false;
    }
    CallTally deleted = new CallTally();
    if (!sweeper.deleteEach(recorded, deleted)) {
      return false;
    }
    CallTally all = new CallTally();
    all.add(page.counted());
    all.add(deleted);
    if (!closing.close(tx, all.tallies(), files.written(), page.recounted(node, keys))) {
      return false;
    }
    // counted with the page's rows once its transaction commits
    page.counted().add(deleted);
    return true;
  }

  /** Once the transaction that completed the run has committed. */
  void committed() {
    closed = true;
  }

  /** Whether the run was completed in this page's committed transaction. */
  boolean closed() {
    return closed;
  }
}
