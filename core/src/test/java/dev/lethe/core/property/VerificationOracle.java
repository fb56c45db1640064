package dev.lethe.core.property;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.property.Platform.Action;
import dev.lethe.core.property.Platform.IdentityColumn;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Table;
import dev.lethe.core.property.Walk.RowRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What verification must find after a run: identities of the subject left in the tables the scope
 * reaches (outside held rows and rows a hold keeps), and identities left in anonymized rows.
 */
final class VerificationOracle {

  private final Platform platform;
  private final Subject subject;
  private final Walk after;
  private final Map<String, Map<Long, Map<String, Object>>> rows;
  private final Set<RowRef> kept;

  VerificationOracle(
      Platform platform,
      Subject subject,
      Walk after,
      Map<String, Map<Long, Map<String, Object>>> rows,
      List<Long> roots) {
    this.platform = platform;
    this.subject = subject;
    this.after = after;
    this.rows = rows;
    this.kept = after.effect(roots).kept();
  }

  /** Tables the scope reaches: the root, what cascades from it, and what hangs off those. */
  Set<Table> reach() {
    Set<Table> nodes = new LinkedHashSet<>();
    nodes.add(platform.rootTable());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table table : platform.tables()) {
        for (Reference reference : table.references()) {
          if (reference.action() == Action.CASCADE
              && nodes.contains(platform.table(reference.parent()))) {
            grew |= nodes.add(table);
          }
        }
      }
    }
    Set<Table> reach = new LinkedHashSet<>(nodes);
    for (Table table : platform.tables()) {
      for (Reference reference : table.references()) {
        if (nodes.contains(platform.table(reference.parent()))) {
          reach.add(table);
        }
      }
    }
    return reach;
  }

  List<String> identitiesLeft() {
    List<String> problems = new ArrayList<>();
    for (Table table : reach()) {
      for (Identity identity : subject.identities()) {
        if (identity.kind() == IdentityKind.IDS) {
          continue;
        }
        long found =
            rows.get(table.name()).entrySet().stream()
                .filter(e -> holds(table, e.getValue(), identity))
                .filter(e -> !after.held(new RowRef(table.name(), e.getKey())))
                .filter(e -> !kept.contains(new RowRef(table.name(), e.getKey())))
                .filter(e -> inWorkspace(table, e.getValue()))
                .count();
        if (found > 0) {
          problems.add(table.name() + ": " + found + " row(s) still hold the subject's identity");
        }
      }
    }
    return problems;
  }

  private static boolean holds(Table table, Map<String, Object> row, Identity identity) {
    return table.identities().stream()
        .anyMatch(c -> c.kind() == identity.kind() && identity.value().equals(row.get(c.column())));
  }

  private boolean inWorkspace(Table table, Map<String, Object> row) {
    return subject.workspace().isEmpty()
        || !table.tenant()
        || Objects.equals(String.valueOf(row.get("tenant_id")), subject.workspace().get());
  }

  List<String> identitiesInAnonymized(List<RowRef> anonymized) {
    List<String> problems = new ArrayList<>();
    for (RowRef ref : anonymized) {
      Table table = platform.table(ref.table());
      Map<String, Object> row = rows.get(ref.table()).get(ref.id());
      Set<String> columns = new LinkedHashSet<>();
      table.identities().stream().map(IdentityColumn::column).forEach(columns::add);
      table.references().forEach(r -> columns.addAll(r.set().keySet()));
      table.retainedAnonymize().ifPresent(a -> columns.addAll(a.keySet()));
      for (String column : columns) {
        if (!(row.get(column) instanceof String text)) {
          continue;
        }
        for (Identity identity : subject.identities()) {
          if (identity.kind() != IdentityKind.IDS
              && text.toLowerCase(Locale.ROOT)
                  .contains(identity.value().toLowerCase(Locale.ROOT))) {
            problems.add(
                ref.table() + "." + column + ": an anonymized row still holds an identity");
          }
        }
      }
    }
    return problems;
  }
}
