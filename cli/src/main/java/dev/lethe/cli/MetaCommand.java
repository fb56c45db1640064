package dev.lethe.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "meta",
    mixinStandardHelpOptions = true,
    description = "Hand Meta's data-deletion lists to a running Lethe service: import.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    subcommands = {MetaImportCommand.class})
final class MetaCommand implements Runnable {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: import");
  }
}
