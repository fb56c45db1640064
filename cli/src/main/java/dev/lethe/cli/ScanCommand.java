package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.scan.CoverageScan;
import dev.lethe.core.scan.ScanReport;
import dev.lethe.core.schema.SchemaSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Report personal data the data map does not cover. Exit 0 clean, 1 findings.",
    footer = {
      "",
      "Finds unmapped tables, uncovered personal-looking columns, undeclared references and",
      "lookup columns without an index. Reads the schema only, never rows."
    })
final class ScanCommand implements Callable<Integer> {

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;
  @Mixin DatabaseOptions database;

  @ArgGroup(exclusive = true)
  MapChoice mapChoice = new MapChoice();

  static final class MapChoice {
    @Option(
        names = "--datamap",
        paramLabel = "<file>",
        description = "Data map (YAML). Default: the reference platform's map.")
    Path dataMap;

    @Option(names = "--no-datamap", description = "Scan against an empty map: every table.")
    boolean none;
  }

  @Option(names = "--json", description = "Print the findings as JSON.")
  boolean json;

  @Option(
      names = "--suggest",
      description =
          "Print a draft data map for the unmapped tables on stdout (findings on stderr).")
  boolean suggest;

  @Override
  public Integer call() {
    if (json && suggest) {
      throw CommandFailure.badInput("--json and --suggest cannot be combined");
    }
    DataMap map = mapChoice.none ? emptyMap() : EngineOptions.loadDataMap(mapChoice.dataMap);
    ScanReport report;
    try (HikariDataSource dataSource = database.open(root.env());
        Connection connection = dataSource.getConnection()) {
      report = CoverageScan.scan(SchemaSnapshot.read(connection), map);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database schema", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (suggest) {
      PrintWriter err = spec.commandLine().getErr();
      err.print(report.toText());
      err.flush();
      out.print(report.suggestDataMap());
    } else {
      out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
    }
    out.flush();
    return report.exitCode();
  }

  private static DataMap emptyMap() {
    return new DataMap("none", Map.of(), List.of(), Map.of(), null, "");
  }
}
