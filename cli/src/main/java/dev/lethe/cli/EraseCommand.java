package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.sql.TimeOrderedIds;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = "Erase: delete, verify and print the receipt (JSON) of one request.")
final class EraseCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;
  @Mixin EngineOptions engine;
  @Mixin RequestOptions request;

  @Override
  public Integer call() {
    DataMap map = engine.loadDataMap();
    ErasureRequest erasure = request.toRequest(map);
    try (HikariDataSource dataSource = database.open(root.env())) {
      Lethe lethe = engine.open(dataSource, map, root.env());
      // planned, stored and run in one go, without counting a preview nobody reads
      String runId = TimeOrderedIds.next().toString();
      Receipt receipt =
          RunFailures.hintOnFailure(
              spec,
              runId,
              () -> lethe.findRun(runId).isPresent(),
              () -> lethe.erase(erasure, List.of(), runId));
      spec.commandLine().getOut().println(ReceiptJson.write(receipt));
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }
}
