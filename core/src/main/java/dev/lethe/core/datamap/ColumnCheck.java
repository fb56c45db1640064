package dev.lethe.core.datamap;

import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks columns of one live table, reporting problems with one map location and context. */
final class ColumnCheck {

  private final Table table;
  private final SourceLocation location;
  private final String what;
  private final List<Problem> problems;

  ColumnCheck(Table table, SourceLocation location, String what, List<Problem> problems) {
    this.table = table;
    this.location = location;
    this.what = what;
    this.problems = problems;
  }

  /** The column, or a problem saying the {@code role} column does not exist. */
  Optional<Column> require(String name, String role) {
    Optional<Column> column = table.column(name);
    if (column.isEmpty()) {
      report(role + " column '" + name + "' does not exist in table '" + table.name() + "'");
    }
    return column;
  }

  void nullable(Column column, String because) {
    if (!column.nullable()) {
      report(
          "column '"
              + column.name()
              + "' of table '"
              + table.name()
              + "' is NOT NULL, but "
              + because);
    }
  }

  /** The columns an anonymization rewrites exist, and those it sets to NULL are nullable. */
  void rewritable(Map<String, Anonymization> set, String role) {
    set.forEach(
        (name, strategy) ->
            require(name, role)
                .filter(c -> strategy instanceof Anonymization.SetNull)
                .ifPresent(c -> nullable(c, role + " rewrites it to NULL")));
  }

  private void report(String message) {
    problems.add(new Problem(location, what + ": " + message));
  }
}
