package dev.lethe.core.scan;

import dev.lethe.core.datamap.Entity;
import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts data map entities (YAML, in the docs/datamap.md format) for the tables the map does not
 * mention, from their keys, foreign keys and column names. Every guess is marked for review.
 */
final class DataMapSuggestion {

  /** Columns that usually hold the tenant (workspace) id, preferred first on a tie. */
  static final List<String> TENANT_COLUMNS =
      List.of("workspace_id", "tenant_id", "organization_id", "org_id", "team_id", "account_id");

  private final List<Table> unmapped;
  private final MappedTables mapped;
  private final References references;
  private final Optional<String> tenantColumn;

  DataMapSuggestion(List<Table> tables, MappedTables mapped, References references) {
    this.unmapped = tables.stream().filter(t -> !mapped.isMapped(t.name())).toList();
    this.mapped = mapped;
    this.references = references;
    this.tenantColumn = mostUsedTenantColumn(tables);
  }

  String yaml() {
    if (unmapped.isEmpty()) {
      return "# Nothing to suggest: the data map mentions every table.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append("# A starting data map for the ")
        .append(unmapped.size())
        .append(unmapped.size() == 1 ? " table" : " tables")
        .append(" the data map does not mention, drafted by `lethe scan --suggest`\n")
        .append("# from names and types alone. Every line is a guess: check the keys, tenants,\n")
        .append("# identities and each on_delete, merge the entities into your map, and add the\n")
        .append("# scopes your requests need (see docs/datamap.md).\n")
        .append("version: 1\n")
        .append("name: suggested\n")
        .append("entities:\n");
    unmapped.forEach(table -> entity(out, table));
    out.append("# scopes:\n")
        .append("#   contact:\n")
        .append("#     description: \"One end customer and everything about them\"\n")
        .append("#     tenant_bound: true\n")
        .append("#     roots:\n")
        .append("#       - entity: <entity>\n")
        .append("#         identified_by: [email, phone, ids]\n");
    return out.toString();
  }

  private void entity(StringBuilder out, Table table) {
    out.append("  ").append(scalar(table.name())).append(":\n");
    String key = key(table, out);
    Optional<String> tenant = tenant(table, key, out);
    List<Reference> parents = references.from(table);
    Set<String> taken = new HashSet<>();
    taken.add(lower(key));
    tenant.ifPresent(t -> taken.add(lower(t)));
    parents.forEach(r -> taken.add(lower(r.column())));
    parents.forEach(r -> r.typeColumn().ifPresent(t -> taken.add(lower(t))));

    Map<String, String> identities = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    List<String> personal = new ArrayList<>();
    for (Column column : table.columns()) {
      if (taken.contains(lower(column.name()))) {
        continue;
      }
      PersonalColumns.classify(table.name(), column)
          .ifPresent(
              category -> {
                if (category.identity().isPresent()) {
                  identities.put(column.name(), category.identity().get().code());
                } else if (category == PersonalCategory.FILE) {
                  files.add(column.name());
                } else {
                  personal.add(column.name());
                }
              });
    }
    if (!identities.isEmpty()) {
      out.append("    identities:\n");
      identities.forEach(
          (column, kind) ->
              out.append("      ").append(scalar(column)).append(": ").append(kind).append('\n'));
    }
    list(out, "files", files, "review: keys of files in your file store?");
    list(out, "personal", personal, null);
    parents(out, parents);
  }

  private static String key(Table table, StringBuilder out) {
    if (table.primaryKey().size() == 1) {
      String key = table.primaryKey().get(0);
      out.append("    key: ").append(scalar(key)).append('\n');
      return key;
    }
    String key =
        table
            .column("id")
            .map(Column::name)
            .or(() -> table.primaryKey().stream().findFirst())
            .or(() -> table.columns().stream().map(Column::name).findFirst())
            .orElse("id");
    out.append("    key: ")
        .append(scalar(key))
        .append("   # review: the table has no single-column primary key\n");
    return key;
  }

  private Optional<String> tenant(Table table, String key, StringBuilder out) {
    String noun = Words.of(table.name()).lastNoun();
    if (tenantColumn.isPresent()
        && tenantColumn.get().equals(noun + "_id")
        && table.column(tenantColumn.get()).isEmpty()) {
      out.append("    tenant: ")
          .append(scalar(key))
          .append("   # guess: the tenant table itself\n");
      return Optional.of(key);
    }
    Optional<String> column =
        tenantColumn
            .flatMap(table::column)
            .or(() -> TENANT_COLUMNS.stream().flatMap(c -> table.column(c).stream()).findFirst())
            .map(Column::name);
    column.ifPresent(
        c -> out.append("    tenant: ").append(scalar(c)).append("   # guess: review\n"));
    return column;
  }

  private void parents(StringBuilder out, List<Reference> parents) {
    List<Reference> usable =
        parents.stream()
            .filter(r -> r.target().map(t -> !IgnoredTables.isIgnored(t)).orElse(true))
            .sorted(Comparator.comparing(Reference::isPolymorphic))
            .toList();
    if (usable.isEmpty()) {
      return;
    }
    out.append("    parents:\n");
    for (Reference reference : usable) {
      if (reference.isPolymorphic()) {
        out.append("      # ")
            .append(reference.column())
            .append(": polymorphic, ")
            .append(reference.typeColumn().orElseThrow())
            .append(" names the table; the data map cannot follow it: review\n");
        continue;
      }
      String target = reference.target().orElseThrow();
      String entity = mapped.entityOf(target).map(Entity::name).orElse(target);
      out.append("      ")
          .append(scalar(reference.column()))
          .append(": { entity: ")
          .append(scalar(entity))
          .append(", on_delete: cascade }   # review: ")
          .append(reference.basis().description())
          .append(reference.basis() == Reference.Basis.PERSON_ROLE ? "; detach may fit better" : "")
          .append('\n');
    }
  }

  private static void list(StringBuilder out, String name, List<String> columns, String comment) {
    if (columns.isEmpty()) {
      return;
    }
    out.append("    ")
        .append(name)
        .append(": [")
        .append(String.join(", ", columns.stream().map(DataMapSuggestion::scalar).toList()))
        .append(']');
    if (comment != null) {
      out.append("   # ").append(comment);
    }
    out.append('\n');
  }

  private static Optional<String> mostUsedTenantColumn(List<Table> tables) {
    return TENANT_COLUMNS.stream()
        .filter(c -> tables.stream().anyMatch(t -> t.column(c).isPresent()))
        .max(
            Comparator.comparingLong(
                    (String c) -> tables.stream().filter(t -> t.column(c).isPresent()).count())
                .thenComparing(c -> -TENANT_COLUMNS.indexOf(c)));
  }

  /** A YAML scalar: bare when it is a plain identifier YAML reads as a string, quoted otherwise. */
  static String scalar(String name) {
    boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_]*");
    boolean special =
        Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n")
            .contains(name.toLowerCase(Locale.ROOT));
    if (plain && !special) {
      return name;
    }
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
