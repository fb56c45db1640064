package dev.lethe.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "lethe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Finds a person's data in a product's database, deletes it, verifies and proves it.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Exit codes: 0 done, 1 scan findings, 2 bad input, 3 database or service",
      "unreachable, 4 run not completed (verification failed or files pending),",
      "5 unexpected error, 6 ledger broken.",
      "Database credentials: --user/--password or LETHE_DB_USER/LETHE_DB_PASSWORD.",
      "Service: --url/--api-key or LETHE_URL/LETHE_API_KEY."
    },
    subcommands = {
      SamplePlatformCommand.class,
      PlanCommand.class,
      EraseCommand.class,
      ResumeCommand.class,
      RetentionCommand.class,
      ScanCommand.class,
      LedgerCommand.class,
      MetaCommand.class,
      ApiKeyCommand.class
    })
final class LetheCommand implements Runnable {

  private final Map<String, String> env;
  private final InputStream stdin;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  boolean debug;

  LetheCommand(Map<String, String> env, InputStream stdin) {
    this.env = Map.copyOf(env);
    this.stdin = stdin;
  }

  /** The process environment, read for credentials and the service's URL. */
  Map<String, String> env() {
    return env;
  }

  /** What commands read when given {@code -} for a file. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command");
  }
}
