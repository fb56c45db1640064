package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.Lethe;
import dev.lethe.core.UnknownRunException;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.state.RunRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Run a stopped erasure again until it completes; print its receipt (JSON).")
final class ResumeCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;
  @Mixin EngineOptions engine;

  @Option(
      names = "--run",
      required = true,
      paramLabel = "<id>",
      description = "Id of the run, as printed when it stopped.")
  String runId;

  @Override
  public Integer call() {
    DataMap map = engine.loadDataMap();
    try (HikariDataSource dataSource = database.open(root.env())) {
      Lethe lethe = engine.open(dataSource, map, root.env());
      RunRecord run = lethe.findRun(runId).orElseThrow(() -> new UnknownRunException(runId));
      requireResumable(run, map);
      Receipt receipt = lethe.run(runId, List.of());
      spec.commandLine().getOut().println(ReceiptJson.write(receipt));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }

  /** A run continues only with the map it was planned with: keys and order depend on it. */
  private static void requireResumable(RunRecord run, DataMap map) {
    if (!run.kind().equals("erasure")) {
      throw CommandFailure.badInput(
          "run " + run.id() + " is a " + run.kind() + " run; only erasures are resumed");
    }
    if (!run.dataMapFingerprint().equals(map.fingerprint())) {
      throw CommandFailure.badInput(
          "run "
              + run.id()
              + " was planned with another version of data map "
              + run.dataMapName()
              + "; pass the same --datamap");
    }
  }
}
