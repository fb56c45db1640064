package dev.lethe.core.execute;

import java.util.List;
import java.util.function.Function;
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

  private final Function<DSLContext, List<Query>> rows;
  private boolean written;

  private RunStart(Function<DSLContext, List<Query>> rows, boolean written) {
    this.rows = rows;
    this.written = written;
  }

  /**
   * A run still to be stored.
   *
   * @param rows its statements, built on the context of the transaction they are to run in
   */
  public static RunStart pending(Function<DSLContext, List<Query>> rows) {
    return new RunStart(rows, false);
  }

  /** A run that is stored already (resumed, or started before it runs). */
  public static RunStart stored() {
    return new RunStart(tx -> List.of(), true);
  }

  /** The statements to add at the start of a transaction; none once the run is stored. */
  List<Query> statements(DSLContext tx) {
    return written ? List.of() : rows.apply(tx);
  }

  /** Called once a transaction holding {@link #statements} has committed. */
  void committed() {
    written = true;
  }

  /** Stores the run in a transaction of its own if no change has stored it yet. */
  void storeIfPending(DSLContext dsl) {
    if (!written) {
      dsl.transaction(c -> c.dsl().batch(rows.apply(c.dsl())).execute());
      written = true;
    }
  }
}
