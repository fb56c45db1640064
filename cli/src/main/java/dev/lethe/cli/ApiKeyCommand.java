package dev.lethe.cli;

import dev.lethe.core.apikey.ApiKeys;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "api-key",
    mixinStandardHelpOptions = true,
    description = "API keys of the service's REST API.",
    subcommands = {ApiKeyCommand.New.class})
final class ApiKeyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: new");
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description =
          "Print a new API key in the service's format, to configure as the service's first key"
              + " (lethe.api.key or LETHE_API_KEY). It is registered, hashed, when the service"
              + " starts; others are issued through POST /v1/api-keys.",
      footer = {
        "",
        "Example:",
        "  LETHE_API_KEY=$(./lethe api-key new) ./lethe serve --config lethe.yaml"
      })
  static final class New implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(ApiKeys.newToken());
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
  }
}
