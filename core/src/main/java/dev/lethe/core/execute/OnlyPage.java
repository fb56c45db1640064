package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.sql.Together;
import dev.lethe.core.state.FileQueue;
import dev.lethe.core.state.RunCompletion;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * The one page of a new run whose roots fit a single page: its transaction is the run's last, and
 * its first too when everything below the roots joined it. The run is then completed in that
 * transaction ({@link Closing}) instead of in one of its own: its files are deleted from the store
 * before the commit (a crash before it leaves the rows to be erased again, the files found gone),
 * and their keys are forgotten with the completion.
 *
 * <p>Not on MariaDB: there a transaction at repeatable read locks the gaps beside the rows its
 * statements scan, and the completion's deletes by run (its roots, its files) would lock those
 * beside other runs' rows; its completion keeps a read-committed transaction of its own.
 */
final class OnlyPage {

  /**
   * The most files deleted from the store while the page's transaction is open: a store slow to
   * answer (a remote object store) must not hold the subject's rows locked for long. A page that
   * recorded more commits as any other, its files swept after it.
   */
  static final int FILES_IN_TRANSACTION = 64;

  private final String runId;
  private final Node node;
  private final Closing closing;
  private final FileSweeper sweeper;

  private boolean closed;

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

  /** Whether a page of {@code node} is this one while nothing of the run has committed. */
  boolean is(Node node, RunStart start) {
    return node == this.node && start.isPending();
  }

  /**
   * In the page's transaction {@code tx}, after its statements, its batch's end left to this
   * ({@link PageStatements#deferBatchEnd}) and the run stored without its roots ({@link
   * RunStart#statements(DSLContext, boolean)}): deletes the files they recorded from the store and
   * completes the run ({@link Closing}), whose receipt holds its counts. False, the run not
   * completed, its batch ended and its roots stored in {@code tx} from {@code start}, when the page
   * recorded more than {@value #FILES_IN_TRANSACTION} files or the run more keys than one round
   * trip forgets, the store refused a file, or the closing declined: the page then commits as any
   * other (the run to resume from its roots after a crash), and its files are swept after it.
   */
  boolean close(DSLContext tx, PageStatements page, List<Object> keys, RunStart start) {
    if (tryClose(tx, page, keys)) {
      return true;
    }
    page.endBatch();
    start.storeRoots(tx);
    return false;
  }

  /**
   * {@link #close}, but for the batch's end and the roots when it declines. Nothing of the run
   * committed before this page (see {@link #is}): what the page counted and recorded is all the run
   * did.
   */
  private boolean tryClose(DSLContext tx, PageStatements page, List<Object> keys) {
    List<FileQueue.PendingFile> recorded =
        !page.recorded().any()
            ? List.of()
            : page.recorded()
                .list()
                .orElseGet(() -> FileQueue.pendingIn(tx, runId, FILES_IN_TRANSACTION + 1));
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
    if (!closing.close(tx, all.tallies(), !recorded.isEmpty(), page.recounted(node, keys))) {
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
