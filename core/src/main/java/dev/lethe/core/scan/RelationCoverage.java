package dev.lethe.core.scan;

import dev.lethe.core.datamap.Entity;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds references from or into mapped tables that the map does not declare as relations. */
final class RelationCoverage {

  private RelationCoverage() {}

  static List<Finding> find(List<Table> tables, MappedTables mapped, References references) {
    List<Finding> findings = new ArrayList<>();
    for (Table table : tables) {
      boolean childMapped = mapped.isMapped(table.name());
      for (Reference reference : references.from(table)) {
        if (childMapped && mapped.declaresRelation(table.name(), reference.column())) {
          continue;
        }
        if (reference.target().map(IgnoredTables::isIgnored).orElse(false)) {
          continue;
        }
        if (reference.isPolymorphic()) {
          if (childMapped) {
            findings.add(polymorphic(reference, mapped));
          }
        } else if (childMapped) {
          findings.add(fromMapped(reference, mapped));
        } else if (mapped.isMapped(reference.target().orElseThrow())) {
          findings.add(intoMapped(reference));
        }
      }
    }
    return findings;
  }

  private static Finding fromMapped(Reference reference, MappedTables mapped) {
    String target = reference.target().orElseThrow();
    String entity = entityName(mapped, reference.table());
    String parent = mapped.entityOf(target).map(Entity::name).orElse(target);
    String hint =
        "declare `"
            + reference.column()
            + ": { entity: "
            + parent
            + ", on_delete: … }` under `parents` of entity "
            + entity
            + (mapped.isMapped(target) ? "" : ", after adding an entity for " + target);
    return finding(
        reference,
        List.of(reference.column()),
        "leads to "
            + target
            + " ("
            + reference.basis().description()
            + "), but the data map declares no relation for it",
        hint);
  }

  private static Finding intoMapped(Reference reference) {
    String target = reference.target().orElseThrow();
    String consequence =
        reference.basis() == Reference.Basis.DECLARED_FOREIGN_KEY
            ? "deleting a "
                + target
                + " row will fail on the foreign key or leave these rows behind"
            : "deleting a " + target + " row leaves these rows behind";
    return finding(
        reference,
        List.of(reference.column()),
        "leads into mapped table "
            + target
            + " ("
            + reference.basis().description()
            + "), but "
            + reference.table()
            + " is not in the data map: "
            + consequence,
        "add an entity for " + reference.table() + " with this column under its `parents`");
  }

  private static Finding polymorphic(Reference reference, MappedTables mapped) {
    String type = reference.typeColumn().orElseThrow();
    return finding(
        reference,
        List.of(type, reference.column()),
        "polymorphic reference ("
            + type
            + " names the table, "
            + reference.column()
            + " its row): the data map declares no relation for it",
        "the data map has no typed relations: declare "
            + reference.column()
            + " under `parents` of entity "
            + entityName(mapped, reference.table())
            + " only if every "
            + type
            + " value names that one entity; otherwise delete these rows another way"
            + " (a retention rule, their own scope)");
  }

  private static Finding finding(
      Reference reference, List<String> columns, String message, String hint) {
    return new Finding(
        Finding.Kind.UNDECLARED_RELATION,
        reference.table(),
        columns,
        reference.target(),
        message,
        Optional.of(hint));
  }

  private static String entityName(MappedTables mapped, String table) {
    return mapped.entityOf(table).map(Entity::name).orElse(table);
  }
}
