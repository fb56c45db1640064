package dev.lethe.core.datamap;

import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.ForeignKey;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a loaded data map against the live schema: every table and column it names exists, keys
 * are single-column primary keys, columns Lethe sets to NULL are nullable, declared foreign keys
 * agree with the map's relations, and no cycle of relations is made of cascades only.
 */
public final class SchemaValidator {

  private final DataMap map;
  private final SchemaSnapshot schema;
  private final List<Problem> problems = new ArrayList<>();

  private SchemaValidator(DataMap map, SchemaSnapshot schema) {
    this.map = map;
    this.schema = schema;
  }

  /** Every mismatch between the map and the schema, in line order; empty when the map fits. */
  public static List<Problem> validate(DataMap map, SchemaSnapshot schema) {
    SchemaValidator validator = new SchemaValidator(map, schema);
    map.entities().values().forEach(validator::checkEntity);
    map.scopes().values().forEach(validator::checkScope);
    map.retention().forEach(validator::checkRetentionRule);
    validator.checkCascadeCycles();
    return validator.problems.stream()
        .sorted(Comparator.comparingInt(p -> p.location().line()))
        .toList();
  }

  /** Throws a {@link DataMapException} listing every mismatch, if there is any. */
  public static void requireValid(DataMap map, SchemaSnapshot schema) {
    List<Problem> problems = validate(map, schema);
    if (!problems.isEmpty()) {
      throw new DataMapException(problems);
    }
  }

  private void checkEntity(Entity entity) {
    Optional<Table> found = tableOf(entity);
    if (found.isEmpty()) {
      report(entity.location(), what(entity) + ": table '" + entity.table() + "' does not exist");
      return;
    }
    Table table = found.get();
    ColumnCheck columns = new ColumnCheck(table, entity.location(), what(entity), problems);
    columns.require(entity.key(), "key").ifPresent(key -> checkPrimaryKey(entity, table));
    entity.tenant().ifPresent(tenant -> columns.require(tenant, "tenant"));
    entity.identities().forEach(identity -> columns.require(identity.column(), "identity"));
    entity.files().forEach(file -> columns.require(file, "file"));
    entity.personal().forEach(personal -> columns.require(personal, "personal"));
    entity
        .retained()
        .ifPresent(
            retained -> {
              columns.require(retained.since(), "retained.since");
              columns.rewritable(retained.anonymize(), "retained.anonymize");
            });
    entity.parents().forEach(relation -> checkRelation(relation, table));
  }

  private void checkPrimaryKey(Entity entity, Table table) {
    List<String> primaryKey = table.primaryKey();
    if (primaryKey.size() == 1 && primaryKey.get(0).equalsIgnoreCase(entity.key())) {
      return;
    }
    String actual =
        primaryKey.isEmpty()
            ? "the table has no primary key"
            : "its primary key is (" + String.join(", ", primaryKey) + ")";
    report(
        entity.location(),
        what(entity)
            + ": key '"
            + entity.key()
            + "' must be the single-column primary key of table '"
            + table.name()
            + "', but "
            + actual);
  }

  private void checkRelation(Relation relation, Table childTable) {
    String what =
        "relation " + relation.child() + "." + relation.column() + " → " + relation.parent();
    ColumnCheck columns = new ColumnCheck(childTable, relation.location(), what, problems);
    Optional<Column> column = columns.require(relation.column(), "reference");
    if (relation.onDelete() != OnDelete.CASCADE) {
      column.ifPresent(
          c -> columns.nullable(c, "on_delete " + relation.onDelete().code() + " sets it to NULL"));
    }
    columns.rewritable(relation.set(), "set");
    Entity parent = map.entities().get(relation.parent());
    if (parent == null || tableOf(parent).isEmpty()) {
      return;
    }
    Table parentTable = tableOf(parent).get();
    if (parentTable.column(parent.key()).isEmpty()) {
      report(
          relation.location(),
          what
              + ": the parent key '"
              + parent.key()
              + "' does not exist in table '"
              + parentTable.name()
              + "'");
    }
    column.ifPresent(c -> checkForeignKey(relation, what, childTable, c, parentTable));
  }

  /** A declared foreign key on the reference column must point where the map says it does. */
  private void checkForeignKey(
      Relation relation, String what, Table childTable, Column column, Table parentTable) {
    for (ForeignKey fk : childTable.foreignKeys()) {
      if (fk.column().equalsIgnoreCase(column.name())
          && !fk.referencedTable().equalsIgnoreCase(parentTable.name())) {
        report(
            relation.location(),
            what
                + ": the database's foreign key on "
                + childTable.name()
                + "."
                + column.name()
                + " references table '"
                + fk.referencedTable()
                + "', not '"
                + parentTable.name()
                + "'");
      }
    }
  }

  private void checkScope(Scope scope) {
    for (ScopeRoot root : scope.roots()) {
      Entity entity = map.entities().get(root.entity());
      Optional<Table> table = entity == null ? Optional.empty() : tableOf(entity);
      if (table.isEmpty()) {
        continue;
      }
      String what = "scope '" + scope.name() + "', root '" + root.entity() + "'";
      ColumnCheck columns = new ColumnCheck(table.get(), scope.location(), what, problems);
      root.filters().forEach((name, filter) -> columns.require(filter.column(), "filter " + name));
      columns.rewritable(root.set(), "set");
    }
  }

  private void checkRetentionRule(RetentionRule rule) {
    Entity entity = map.entities().get(rule.entity());
    Optional<Table> table = entity == null ? Optional.empty() : tableOf(entity);
    if (table.isEmpty()) {
      return;
    }
    ColumnCheck columns =
        new ColumnCheck(
            table.get(), rule.location(), "retention rule '" + rule.name() + "'", problems);
    columns.require(rule.column(), "age");
    columns.rewritable(rule.set(), "set");
  }

  private void checkCascadeCycles() {
    for (List<Relation> cycle : CascadeCycles.in(map)) {
      report(
          cycle.get(0).location(),
          "relations cascade in a cycle: "
              + CascadeCycles.describe(cycle)
              + "; a cycle of cascades has no order to delete in, so make one of these relations"
              + " detach, anonymize or retain");
    }
  }

  private Optional<Table> tableOf(Entity entity) {
    return schema.table(entity.table());
  }

  private static String what(Entity entity) {
    return "entity '" + entity.name() + "'";
  }

  private void report(SourceLocation location, String message) {
    problems.add(new Problem(location, message));
  }
}
