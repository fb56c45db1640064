package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "sample-platform",
    mixinStandardHelpOptions = true,
    description = "Create the reference messaging-CRM schema and fill it with generated data.")
final class SamplePlatformCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;

  @Option(names = "--workspaces", paramLabel = "<n>", description = "Default: ${DEFAULT-VALUE}.")
  int workspaces = Sizes.small().workspaces();

  @Option(
      names = "--contacts",
      paramLabel = "<n>",
      description = "Contacts in all workspaces. Default: ${DEFAULT-VALUE}.")
  long contacts = Sizes.small().contacts();

  @Option(
      names = "--messages",
      paramLabel = "<n>",
      description = "Messages in all workspaces. Default: ${DEFAULT-VALUE}.")
  long messages = Sizes.small().messages();

  @Option(
      names = "--seed",
      paramLabel = "<n>",
      description = "Same seed, same data. Default: ${DEFAULT-VALUE}.")
  long seed = 42;

  @Option(
      names = "--files",
      paramLabel = "<dir>",
      description = "Also write a small file for every avatar, attachment and document here.")
  Path files;

  @Option(names = "--reset", description = "Drop the reference platform's tables first.")
  boolean reset;

  @Override
  public Integer call() {
    Sizes sizes = sizes();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Long> written;
    try (HikariDataSource dataSource = database.open(root.env())) {
      if (reset) {
        ReferencePlatform.dropSchema(dataSource);
      } else if (platformExists(dataSource)) {
        throw CommandFailure.badInput(
            "the reference platform's tables already exist in "
                + database.describe()
                + "; add --reset to drop and recreate them");
      }
      err.println("creating the reference platform's tables in " + database.describe());
      ReferencePlatform.createSchema(dataSource);
      err.printf(
          "generating %d workspaces, %,d contacts, %,d messages (seed %d)%n",
          sizes.workspaces(), sizes.contacts(), sizes.messages(), seed);
      err.flush();
      PlatformGenerator generator =
          new PlatformGenerator(sizes, seed, PlatformGenerator.REFERENCE_NOW)
              .withProgress(
                  (table, done, total) -> {
                    if (done < total) {
                      err.printf("  %-22s %,12d of %,d rows%n", table, done, total);
                      err.flush();
                    }
                  });
      written = (files == null ? generator : generator.withFiles(files)).generate(dataSource);
    }
    PrintWriter out = spec.commandLine().getOut();
    long total = 0;
    for (Map.Entry<String, Long> table : written.entrySet()) {
      out.printf("%-22s %,12d%n", table.getKey(), table.getValue());
      total += table.getValue();
    }
    out.printf("%-22s %,12d%n", "total rows", total);
    out.flush();
    return ExitCode.OK;
  }

  private Sizes sizes() {
    try {
      return new Sizes(workspaces, contacts, messages);
    } catch (IllegalArgumentException e) {
      throw CommandFailure.badInput(e.getMessage());
    }
  }

  private static boolean platformExists(HikariDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return SchemaSnapshot.read(connection).table("accounts").isPresent();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database schema", e);
    }
  }
}
