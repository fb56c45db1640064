package dev.lethe.core.execute;

import dev.lethe.core.state.RunCreation;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunStore;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The statements that store a new run with its roots, written in the transaction of the run's first
 * change (a page deleted, detached or anonymized) instead of committed on their own before it. The
 * run then exists exactly when something of it has been done: a crash before that leaves neither
 * the run nor any change, and the request is erased again from the start; a crash after it leaves
 * the run with its roots, to resume. One commit fewer per request.
 */
public final class RunStart {

  private final RunStore runs;
  private final RunRecord run;
  private final List<List<String>> roots;
  private boolean written;

  private RunStart(RunStore runs, RunRecord run, List<List<String>> roots, boolean written) {
    this.runs = runs;
    this.run = run;
    this.roots = roots;
    this.written = written;
  }

  /** {@code run}, with its roots ({@link RunStore#create(RunRecord, List)}), still to be stored. */
  public static RunStart pending(RunStore runs, RunRecord run, List<List<String>> roots) {
    return new RunStart(runs, run, roots, false);
  }

  /** A run that is stored already (resumed, or started before it runs). */
  public static RunStart stored() {
    return new RunStart(null, null, List.of(), true);
  }

  /** Whether the run is still to be stored: nothing of it is done yet. */
  boolean isPending() {
    return !written;
  }

  /** The statements to add at the start of a transaction; none once the run is stored. */
  List<Query> statements(DSLContext tx) {
    return statements(tx, true);
  }

  /**
   * The statements to add at the start of a transaction, the run's roots among them if {@code
   * withRoots}; none once the run is stored. Without them, the transaction stores them with {@link
   * #storeRoots} if it is to commit before the run completes: a run completed in the transaction
   * that stores it is never resumed, and its roots would only be deleted again.
   */
  List<Query> statements(DSLContext tx, boolean withRoots) {
    return written ? List.of() : RunCreation.queries(tx, run, withRoots ? roots : List.of());
  }

  /**
   * The run, and its roots if {@code withRoots}, as values to store them from, while pending: what
   * a page's template takes the statements of {@link #statements(DSLContext, boolean)} as.
   */
  Optional<RunCreation> creation(boolean withRoots) {
    return written
        ? Optional.empty()
        : Optional.of(RunCreation.of(run, withRoots ? roots : List.of()));
  }

  /**
   * Stores the run's roots in {@code tx}, whose statements stored the run without them ({@link
   * #statements(DSLContext, boolean)}), before it commits: the run may then be resumed.
   */
  void storeRoots(DSLContext tx) {
    RunCreation.rootQueries(tx, run.id(), roots).forEach(Query::execute);
  }

  /** Called once a transaction holding {@link #statements} has committed. */
  void committed() {
    written = true;
  }

  /** Stores the run in a transaction of its own if no change has stored it yet. */
  void storeIfPending() {
    if (!written) {
      runs.create(run, roots);
      written = true;
    }
  }
}
