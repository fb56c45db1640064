package dev.lethe.cli;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** Tells the operator how to continue a run that stopped, before the failure is explained. */
final class RunFailures {

  private RunFailures() {}

  static <T> T hintOnFailure(CommandSpec spec, String runId, Supplier<T> run) {
    return hintOnFailure(spec, runId, () -> true, run);
  }

  /** As above, the hint given only if {@code stored} says the run was stored before it failed. */
  static <T> T hintOnFailure(
      CommandSpec spec, String runId, BooleanSupplier stored, Supplier<T> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      if (!storedSafely(stored)) {
        throw e;
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "lethe: run "
              + runId
              + " did not complete; continue it with: lethe resume --run "
              + runId
              + " (same --db, --datamap and --files)");
      err.flush();
      throw e;
    }
  }

  /** A database that failed the run may fail this question too: then no hint. */
  private static boolean storedSafely(BooleanSupplier stored) {
    try {
      return stored.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
