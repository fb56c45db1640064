package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.ledger.Anchor;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.Verification;
import dev.lethe.core.ledger.Verification.Break;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Walk the ledger's hash chain. Exit 0 intact, 6 broken.",
    footer = {
      "",
      "Prints the entries checked and the head (seq:hash). Keep the head outside",
      "Lethe's database and pass it back later as --anchor: a chain shortened or",
      "rewritten since then no longer holds it. Changes nothing; appends may go on."
    })
final class LedgerVerifyCommand implements Callable<Integer> {

  @ParentCommand LedgerCommand ledger;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;

  @Option(
      names = "--anchor",
      paramLabel = "<seq:hash>",
      description = "A head printed earlier and kept elsewhere: it must still be in the chain.")
  String anchor;

  @Override
  public Integer call() {
    Optional<Anchor> kept = Optional.ofNullable(anchor).map(LedgerVerifyCommand::parseAnchor);
    Verification verification;
    try (HikariDataSource dataSource = database.open(ledger.root.env())) {
      Ledger opened = LedgerCommand.open(dataSource, database);
      verification = kept.map(opened::verify).orElseGet(opened::verify);
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<Break> broken = verification.firstBreak();
    if (broken.isPresent()) {
      out.println("broken at seq " + broken.get().seq() + ": " + broken.get().reason().name());
      out.println("  " + broken.get().detail());
      out.println(
          "intact before it: "
              + entries(verification.entriesChecked())
              + ", up to "
              + verification.head());
    } else {
      out.println("intact: " + entries(verification.entriesChecked()) + " checked");
      kept.ifPresent(a -> out.println("anchor " + a + " found unchanged"));
      out.println("head: " + verification.head());
    }
    out.flush();
    return verification.intact() ? ExitCode.OK : ExitCode.LEDGER_BROKEN;
  }

  private static Anchor parseAnchor(String text) {
    try {
      return Anchor.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.badInput(
          "--anchor: " + e.getMessage() + ", as 'lethe ledger verify' prints the head");
    }
  }

  private static String entries(long count) {
    return count == 1 ? "1 entry" : count + " entries";
  }
}
