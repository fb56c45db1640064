package dev.lethe.core;

import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;

/** How a stopped run is described in Lethe's tables and logs without leaking personal data. */
final class RunFailure {

  private RunFailure() {}

  /**
   * The text stored on the run. Messages of Lethe's own exceptions carry no personal data; a
   * driver's message may quote row values, so only its type is kept.
   */
  static String describe(RuntimeException e) {
    if (e instanceof LetheException) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    // the SQL state tells a deadlock from a constraint or a lost connection, and quotes nothing
    String state =
        e instanceof DataAccessException access
                && access.sqlState() != null
                && !"00000".equals(access.sqlState())
            ? "SQL state " + access.sqlState() + "; "
            : "";
    return e.getClass().getSimpleName() + " (" + state + "details at debug level in the log)";
  }

  static void log(Logger log, String runId, String scope, RuntimeException e) {
    log.warn("run {} ({}) stopped: {}", runId, scope, describe(e));
    log.debug("run {} stopped", runId, e);
  }
}
