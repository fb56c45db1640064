package dev.lethe.core.scan;

import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds tables the map does not mention, and personal-looking columns it accounts for nowhere. */
final class TableCoverage {

  private TableCoverage() {}

  static List<Finding> find(List<Table> tables, MappedTables mapped) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : tables) {
      if (mapped.isMapped(table.name())) {
        findings.addAll(uncoveredColumns(table, mapped));
      } else {
        findings.add(unmapped(table));
      }
    }
    return findings;
  }

  private static Finding unmapped(Table table) {
    List<String> personal = new ArrayList<>();
    List<String> described = new ArrayList<>();
    for (Column column : table.columns()) {
      PersonalColumns.classify(table.name(), column)
          .ifPresent(
              category -> {
                personal.add(column.name());
                described.add(column.name() + " (" + category.description() + ")");
              });
    }
    String message =
        personal.isEmpty()
            ? "not in the data map; no personal-looking columns"
            : "not in the data map; personal-looking columns: " + String.join(", ", described);
    return new Finding(
        Finding.Kind.UNMAPPED_TABLE,
        table.name(),
        personal,
        Optional.empty(),
        message,
        Optional.of(
            "add an entity for it (`lethe scan --suggest` drafts one); a table without personal"
                + " data needs only its key"));
  }

  private static List<Finding> uncoveredColumns(Table table, MappedTables mapped) {
    String entity = mapped.entityOf(table.name()).orElseThrow().name();
    List<Finding> findings = new ArrayList<>();
    for (Column column : table.columns()) {
      if (mapped.covers(table.name(), column.name())) {
        continue;
      }
      PersonalColumns.classify(table.name(), column)
          .ifPresent(
              category ->
                  findings.add(
                      new Finding(
                          Finding.Kind.UNCOVERED_PERSONAL_COLUMN,
                          table.name(),
                          List.of(column.name()),
                          Optional.empty(),
                          "looks like "
                              + category.description()
                              + ", but the data map covers it nowhere",
                          Optional.of(hint(entity, column.name(), category)))));
    }
    return findings;
  }

  private static String hint(String entity, String column, PersonalCategory category) {
    if (category.identity().isPresent()) {
      return "declare it under `identities` of entity "
          + entity
          + " as `"
          + column
          + ": "
          + category.identity().get().code()
          + "` if people are found by it, otherwise list it under `personal`";
    }
    if (category == PersonalCategory.FILE) {
      return "list it under `files` of entity "
          + entity
          + " if it holds file-store keys, otherwise under `personal`";
    }
    return "list it under `personal` of entity " + entity;
  }
}
