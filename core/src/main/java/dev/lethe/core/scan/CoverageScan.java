package dev.lethe.core.scan;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Compares a live schema with a data map and reports the personal data the map does not cover:
 * unmapped tables, uncovered personal-looking columns, undeclared relations and lookup columns
 * without an index. Works with an empty map too, as the first step of writing one.
 */
public final class CoverageScan {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::kind)
          .thenComparing(f -> f.table().toLowerCase(Locale.ROOT))
          .thenComparing(f -> String.join(",", f.columns()).toLowerCase(Locale.ROOT));

  private CoverageScan() {}

  public static ScanReport scan(SchemaSnapshot schema, DataMap map) {
    List<Table> tables =
        schema.tables().stream().filter(t -> !IgnoredTables.isIgnored(t.name())).toList();
    MappedTables mapped = new MappedTables(map);
    References references = new References(tables);
    List<Finding> findings = new ArrayList<>();
    findings.addAll(TableCoverage.find(tables, mapped));
    findings.addAll(RelationCoverage.find(tables, mapped, references));
    findings.addAll(IndexCoverage.find(schema, map));
    findings.sort(ORDER);
    return new ScanReport(findings, new DataMapSuggestion(tables, mapped, references));
  }
}
