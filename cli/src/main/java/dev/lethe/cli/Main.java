package dev.lethe.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of the {@code lethe} command line. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietJooq();
    System.exit(commandLine(System.getenv(), System.in).execute(args));
  }

  /**
   * The whole command line, reading credentials from {@code env} and {@code -} from {@code stdin};
   * tests redirect its output.
   */
  static CommandLine commandLine(Map<String, String> env, InputStream stdin) {
    quietJooq();
    CommandLine commandLine = new CommandLine(new LetheCommand(env, stdin));
    Failures failures = new Failures();
    commandLine.setExecutionExceptionHandler(failures);
    commandLine.setParameterExceptionHandler(failures);
    return commandLine;
  }

  /** jOOQ prints a banner and tips when its first class loads, unless told not to. */
  private static void quietJooq() {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }
}
