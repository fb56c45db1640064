package dev.lethe.core.scan;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.IdentityColumn;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the columns Lethe looks rows up by (identity columns, relation columns) that no index
 * starts with: each lookup would scan the whole table, inside the deletion's transaction.
 */
final class IndexCoverage {

  private IndexCoverage() {}

  static List<Finding> find(SchemaSnapshot schema, DataMap map) {
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    for (Entity entity : map.entities().values()) {
      Optional<Table> found = schema.table(entity.table());
      if (found.isEmpty() || IgnoredTables.isIgnored(entity.table())) {
        continue;
      }
      Table table = found.get();
      for (IdentityColumn identity : entity.identities()) {
        String column = identity.column();
        if (exists(table, column)
            && !identityIndexed(table, column, entity.tenant())
            && reported.add(key(table, column))) {
          findings.add(
              missing(
                  table,
                  column,
                  "identity column ("
                      + identity.kind().code()
                      + ") has no index starting with it:"
                      + " every request scans the whole table",
                  indexHint(table, entity.tenant().map(t -> t + ", ").orElse("") + column)));
        }
      }
      for (Relation relation : entity.parents()) {
        String column = relation.column();
        if (exists(table, column)
            && !table.hasIndexLeadingWith(column)
            && reported.add(key(table, column))) {
          findings.add(
              missing(
                  table,
                  column,
                  "relation column to "
                      + relation.parent()
                      + " has no index starting with it: deleting a "
                      + relation.parent()
                      + " row scans the whole table",
                  indexHint(table, column)));
        }
      }
    }
    return findings;
  }

  /** An index on the column, or on (tenant, column) for lookups inside one workspace. */
  private static boolean identityIndexed(Table table, String column, Optional<String> tenant) {
    if (table.hasIndexLeadingWith(column)) {
      return true;
    }
    return tenant.isPresent()
        && table.indexes().stream()
            .anyMatch(
                ix ->
                    ix.size() >= 2
                        && ix.get(0).equalsIgnoreCase(tenant.get())
                        && ix.get(1).equalsIgnoreCase(column));
  }

  private static boolean exists(Table table, String column) {
    return table.column(column).isPresent();
  }

  private static Finding missing(Table table, String column, String message, String hint) {
    return new Finding(
        Finding.Kind.MISSING_INDEX,
        table.name(),
        List.of(column),
        Optional.empty(),
        message,
        Optional.of(hint));
  }

  private static String indexHint(Table table, String columns) {
    String name = table.name() + "_" + columns.replace(", ", "_") + "_idx";
    return "create index " + name + " on " + table.name() + " (" + columns + ")";
  }

  private static String key(Table table, String column) {
    return (table.name() + "." + column).toLowerCase(Locale.ROOT);
  }
}
