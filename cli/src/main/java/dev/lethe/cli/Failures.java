package dev.lethe.cli;

import dev.lethe.core.ConcurrentRunException;
import dev.lethe.core.DatabaseUnavailableException;
import dev.lethe.core.FilesPendingException;
import dev.lethe.core.LetheException;
import dev.lethe.core.UnknownRunException;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.datamap.DataMapException;
import dev.lethe.core.datamap.Problem;
import dev.lethe.core.identity.InvalidIdentityException;
import dev.lethe.core.plan.RequestException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into a short explanation on stderr, each line prefixed {@code lethe: }, and
 * an exit code. Stack traces only with {@code --debug}. Messages of foreign exceptions (drivers,
 * jOOQ) are not printed: they may quote the values of a row.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    print(err, describe(e) + " (see '" + qualifiedName(command) + " --help')");
    if (contains(args, "--debug") && !(e instanceof UnmatchedArgumentException)) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.BAD_INPUT;
  }

  /**
   * Arguments nothing matched may be values typed after a misspelled option (an identity, an API
   * key, a password): only the options among them are named, without their values.
   */
  private static String describe(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)) {
      return e.getMessage();
    }
    List<String> options =
        unmatched.getUnmatched().stream()
            .filter(arg -> arg.startsWith("-") && arg.length() > 1)
            .map(arg -> "'" + arg.split("=", 2)[0] + "'")
            .toList();
    int values = unmatched.getUnmatched().size() - options.size();
    String message;
    if (options.isEmpty()) {
      message = values + " unexpected argument" + (values == 1 ? "" : "s") + " (not shown)";
    } else {
      message = "unknown option" + (options.size() == 1 ? " " : "s ") + String.join(", ", options);
      if (values > 0) {
        message += " (and " + values + " more argument" + (values == 1 ? "" : "s") + ", not shown)";
      }
    }
    List<String> suggestions = unmatched.getSuggestions();
    if (!suggestions.isEmpty()) {
      message += "; did you mean " + String.join(" or ", suggestions) + "?";
    }
    return message;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    int code = explain(e, err);
    if (contains(parsed.originalArgs().toArray(String[]::new), "--debug")) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static int explain(Exception e, PrintWriter err) {
    return switch (e) {
      case CommandFailure failure -> print(err, failure.getMessage(), failure.exitCode());
      case DataMapException map -> {
        err.println("lethe: the data map has problems:");
        for (Problem problem : map.problems()) {
          print(err, "  " + problem);
        }
        yield ExitCode.BAD_INPUT;
      }
      case RequestException request -> print(err, request.getMessage(), ExitCode.BAD_INPUT);
      case InvalidIdentityException identity ->
          print(err, "--identity: " + identity.getMessage(), ExitCode.BAD_INPUT);
      case UnknownRunException run -> print(err, run.getMessage(), ExitCode.BAD_INPUT);
      case DatabaseUnavailableException db ->
          print(err, db.getMessage(), ExitCode.DATABASE_UNREACHABLE);
      case VerificationFailedException v -> print(err, v.getMessage(), ExitCode.NOT_COMPLETED);
      case FilesPendingException f -> print(err, f.getMessage(), ExitCode.NOT_COMPLETED);
      case ConcurrentRunException c -> print(err, c.getMessage(), ExitCode.NOT_COMPLETED);
      case LetheException other -> print(err, other.getMessage(), ExitCode.UNEXPECTED);
      default -> {
        if (connectionLost(e)) {
          yield print(
              err,
              "lost the connection to the database (run with --debug for details)",
              ExitCode.DATABASE_UNREACHABLE);
        }
        yield print(err, describe(e) + " (run with --debug for details)", ExitCode.UNEXPECTED);
      }
    };
  }

  /** Our own wrappers carry messages we wrote; anything else is named by its type only. */
  private static String describe(Exception e) {
    if (e instanceof IllegalStateException
        || e instanceof IllegalArgumentException
        || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    return "unexpected " + e.getClass().getSimpleName();
  }

  private static boolean connectionLost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static int print(PrintWriter err, String message, int code) {
    print(err, message);
    return code;
  }

  private static void print(PrintWriter err, String message) {
    for (String line : String.valueOf(message).split("\\R")) {
      err.println("lethe: " + line);
    }
  }

  private static String qualifiedName(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  private static boolean contains(String[] args, String flag) {
    for (String arg : args) {
      if (arg.equals(flag)) {
        return true;
      }
    }
    return false;
  }
}
