package dev.lethe.core.property;

import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.property.Platform.IdentityColumn;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Strategy;
import dev.lethe.core.property.Platform.Table;
import dev.lethe.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A generated platform written out: its data map as YAML, its schema as DDL. */
final class PlatformText {

  private PlatformText() {}

  static String yaml(Platform platform) {
    StringBuilder out = new StringBuilder();
    out.append("version: 1\nname: random-").append(platform.seed()).append('\n');
    out.append("phone_region: ID\nentities:\n");
    for (Table table : platform.tables()) {
      out.append("  ").append(table.name()).append(":\n");
      if (table.tenant()) {
        out.append("    tenant: tenant_id\n");
      }
      if (!table.identities().isEmpty()) {
        out.append("    identities:\n");
        for (IdentityColumn identity : table.identities()) {
          out.append("      ")
              .append(identity.column())
              .append(": ")
              .append(identity.kind().code())
              .append('\n');
        }
      }
      out.append("    personal: [payload]\n");
      if (!table.references().isEmpty()) {
        out.append("    parents:\n");
        for (Reference reference : table.references()) {
          out.append("      ")
              .append(reference.column())
              .append(": { entity: t")
              .append(reference.parent())
              .append(", on_delete: ")
              .append(reference.action().name().toLowerCase(Locale.ROOT));
          if (!reference.set().isEmpty()) {
            out.append(", set: ").append(strategies(reference.set()));
          }
          out.append(" }\n");
        }
      }
      table
          .retainedAnonymize()
          .ifPresent(
              anonymize -> {
                out.append("    retained:\n");
                out.append("      basis: \"Kept by law\"\n      for: 7 years\n");
                out.append("      since: created_at\n");
                if (!anonymize.isEmpty()) {
                  out.append("      anonymize: ").append(strategies(anonymize)).append('\n');
                }
              });
    }
    out.append("scopes:\n");
    scope(out, Platform.SCOPE, platform.rootTable(), false);
    if (platform.tenantBoundScope()) {
      scope(out, Platform.TENANT_SCOPE, platform.rootTable(), true);
    }
    return out.toString();
  }

  private static void scope(StringBuilder out, String name, Table root, boolean tenantBound) {
    List<String> kinds = new ArrayList<>(root.kinds().stream().map(IdentityKind::code).toList());
    kinds.add("ids");
    out.append("  ").append(name).append(":\n");
    if (tenantBound) {
      out.append("    tenant_bound: true\n");
    }
    out.append("    roots:\n      - entity: ")
        .append(root.name())
        .append("\n        identified_by: [")
        .append(String.join(", ", kinds))
        .append("]\n");
  }

  private static String strategies(Map<String, Strategy> set) {
    return set.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue().yaml())
        .collect(Collectors.joining(", ", "{ ", " }"));
  }

  static List<String> ddl(Platform platform, TestDatabase.Kind kind) {
    String timestamp = kind == TestDatabase.Kind.MARIADB ? "DATETIME" : "TIMESTAMP";
    List<String> statements = new ArrayList<>();
    for (Table table : platform.tables()) {
      List<String> columns = new ArrayList<>();
      columns.add("id BIGINT PRIMARY KEY");
      if (table.tenant()) {
        columns.add("tenant_id BIGINT");
      }
      for (IdentityColumn identity : table.identities()) {
        columns.add(identity.column() + " VARCHAR(100)");
      }
      for (Reference reference : table.references()) {
        columns.add(reference.column() + " BIGINT" + (reference.nullable() ? "" : " NOT NULL"));
      }
      for (String note : table.notes()) {
        columns.add(note + " VARCHAR(200)");
      }
      if (table.retained()) {
        columns.add("created_at " + timestamp + " NOT NULL");
      }
      columns.add("payload VARCHAR(200)");
      for (Reference reference : table.references()) {
        if (reference.foreignKey()) {
          columns.add(
              "CONSTRAINT fk_"
                  + table.name()
                  + "_"
                  + reference.column()
                  + " FOREIGN KEY ("
                  + reference.column()
                  + ") REFERENCES t"
                  + reference.parent()
                  + " (id)");
        }
      }
      statements.add(
          "CREATE TABLE " + table.name() + " (\n  " + String.join(",\n  ", columns) + "\n)");
      for (Reference reference : table.references()) {
        statements.add(
            "CREATE INDEX ix_"
                + table.name()
                + "_"
                + reference.column()
                + " ON "
                + table.name()
                + " ("
                + reference.column()
                + ")");
      }
    }
    return statements;
  }
}
