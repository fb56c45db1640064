package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.ledger.Anchor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "head",
    mixinStandardHelpOptions = true,
    description = "Print the ledger's head as seq:hash, without verifying the chain.",
    footer = {
      "",
      "To keep an anchor, prefer the head 'lethe ledger verify' prints: it has been checked."
    })
final class LedgerHeadCommand implements Callable<Integer> {

  @ParentCommand LedgerCommand ledger;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;

  @Override
  public Integer call() {
    Anchor head;
    try (HikariDataSource dataSource = database.open(ledger.root.env())) {
      head = LedgerCommand.open(dataSource, database).head();
    }
    spec.commandLine().getOut().println(head);
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
