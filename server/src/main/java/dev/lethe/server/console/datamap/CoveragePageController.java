package dev.lethe.server.console.datamap;

import dev.lethe.core.DatabaseUnavailableException;
import dev.lethe.core.Lethe;
import dev.lethe.core.scan.CoverageScan;
import dev.lethe.core.scan.Finding;
import dev.lethe.core.scan.ScanReport;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.server.config.Databases;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coverage scan of the host's database against the data map, as {@code lethe scan} prints it:
 * unmapped tables, uncovered personal columns, undeclared relations and lookup columns without an
 * index, grouped by kind. It reads the schema only, never rows, so it is run for each page.
 */
@Controller
class CoveragePageController {

  /** The database scanned, named without its address or credentials. */
  public record Database(String product, String version, Optional<String> schema) {}

  private final Databases databases;
  private final Lethe lethe;

  CoveragePageController(Databases databases, Lethe lethe) {
    this.databases = databases;
    this.lethe = lethe;
  }

  @GetMapping("/admin/datamap")
  String coverage(Model model) {
    ScanReport report;
    Database database;
    try (Connection connection = databases.host().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      database =
          new Database(
              meta.getDatabaseProductName(),
              meta.getDatabaseProductVersion(),
              Optional.ofNullable(connection.getSchema()).or(() -> catalog(connection)));
      report = CoverageScan.scan(SchemaSnapshot.read(connection), lethe.dataMap());
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the host database's schema", e);
    }
    Map<Finding.Kind, List<Finding>> byKind = new LinkedHashMap<>();
    for (Finding.Kind kind : Finding.Kind.values()) {
      List<Finding> found = report.findings(kind);
      if (!found.isEmpty()) {
        byKind.put(kind, found);
      }
    }
    model.addAttribute("database", database);
    model.addAttribute("dataMap", lethe.dataMap().name());
    model.addAttribute("byKind", byKind);
    model.addAttribute("summary", report.summary());
    model.addAttribute("clean", report.clean());
    return "admin/datamap";
  }

  private static Optional<String> catalog(Connection connection) {
    try {
      return Optional.ofNullable(connection.getCatalog());
    } catch (SQLException e) {
      return Optional.empty();
    }
  }
}
