package dev.lethe.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** Tells the operator how to continue a run that stopped, before the failure is explained. */
final class RunFailures {

  private RunFailures() {}

  static <T> T hintOnFailure(CommandSpec spec, String runId, Supplier<T> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
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
}
