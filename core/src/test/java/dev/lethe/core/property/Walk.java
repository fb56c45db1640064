package dev.lethe.core.property;

import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.property.Platform.Action;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Table;
import dev.lethe.core.receipt.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data map's semantics over rows held in memory: from the root rows along the relations, what
 * is deleted, what is detached, anonymized or retained, what a hold keeps. Written from the data
 * map reference, independently of the engine's SQL.
 */
final class Walk {

  /** One row of one table. */
  record RowRef(String table, long id) {}

  private record Link(Table child, Reference reference, Map<Long, List<Long>> byParent) {}

  private final Platform platform;
  private final Map<String, ? extends Map<Long, Map<String, Object>>> state;
  private final List<LegalHold> holds;
  private final Map<String, List<Link>> links = new HashMap<>();
  private final Map<RowRef, Boolean> blocked = new HashMap<>();

  Walk(
      Platform platform,
      Map<String, ? extends Map<Long, Map<String, Object>>> state,
      List<LegalHold> holds) {
    this.platform = platform;
    this.state = state;
    this.holds = holds;
    for (Table table : platform.tables()) {
      for (Reference reference : table.references()) {
        Map<Long, List<Long>> byParent = new HashMap<>();
        state
            .get(table.name())
            .forEach(
                (id, row) -> {
                  Object parent = row.get(reference.column());
                  if (parent != null) {
                    byParent.computeIfAbsent((Long) parent, p -> new ArrayList<>()).add(id);
                  }
                });
        links
            .computeIfAbsent("t" + reference.parent(), p -> new ArrayList<>())
            .add(new Link(table, reference, byParent));
      }
    }
  }

  Map<String, Object> row(RowRef ref) {
    return state.get(ref.table()).get(ref.id());
  }

  boolean held(RowRef ref) {
    Table table = platform.table(ref.table());
    for (LegalHold hold : holds) {
      boolean covers =
          switch (hold.target()) {
            case LegalHold.Tenant t ->
                table.tenant()
                    && Objects.equals(String.valueOf(row(ref).get("tenant_id")), t.tenant());
            case LegalHold.Row r ->
                r.entity().equals(ref.table()) && r.key().equals(String.valueOf(ref.id()));
            case LegalHold.OnIdentity ignored -> false;
          };
      if (covers) {
        return true;
      }
    }
    return false;
  }

  /**
   * A row kept because deleting it would orphan a held row: one that references it (by any
   * relation), or a row kept for such a reason that hangs below it by a cascade.
   */
  boolean blocked(RowRef ref) {
    Boolean known = blocked.get(ref);
    if (known != null) {
      return known;
    }
    boolean result = false;
    for (Link link : links.getOrDefault(ref.table(), List.of())) {
      boolean cascade = link.reference().action() == Action.CASCADE;
      for (long child : link.byParent().getOrDefault(ref.id(), List.of())) {
        RowRef c = new RowRef(link.child().name(), child);
        if (held(c) || (cascade && blocked(c))) {
          result = true;
        }
      }
    }
    blocked.put(ref, result);
    return result;
  }

  /** Rows reached from the roots along cascades; with {@code honourHolds}, held rows stop it. */
  Set<RowRef> reach(Collection<Long> roots, boolean honourHolds) {
    Set<RowRef> reached = new LinkedHashSet<>();
    Deque<RowRef> queue = new ArrayDeque<>();
    String rootTable = platform.rootTable().name();
    for (long id : roots) {
      RowRef ref = new RowRef(rootTable, id);
      if (row(ref) != null && !(honourHolds && held(ref)) && reached.add(ref)) {
        queue.add(ref);
      }
    }
    while (!queue.isEmpty()) {
      RowRef parent = queue.poll();
      for (Link link : links.getOrDefault(parent.table(), List.of())) {
        if (link.reference().action() != Action.CASCADE) {
          continue;
        }
        for (long child : link.byParent().getOrDefault(parent.id(), List.of())) {
          RowRef c = new RowRef(link.child().name(), child);
          if (!(honourHolds && held(c)) && reached.add(c)) {
            queue.add(c);
          }
        }
      }
    }
    return reached;
  }

  /** The non-cascading references of the rows' children that point at {@code parents}. */
  Map<RowRef, List<Reference>> edges(Set<RowRef> parents, boolean honourHolds) {
    Map<RowRef, List<Reference>> edges = new LinkedHashMap<>();
    for (RowRef parent : parents) {
      for (Link link : links.getOrDefault(parent.table(), List.of())) {
        if (link.reference().action() == Action.CASCADE) {
          continue;
        }
        for (long child : link.byParent().getOrDefault(parent.id(), List.of())) {
          RowRef c = new RowRef(link.child().name(), child);
          if (!(honourHolds && held(c))) {
            List<Reference> refs = edges.computeIfAbsent(c, x -> new ArrayList<>());
            if (!refs.contains(link.reference())) {
              refs.add(link.reference());
            }
          }
        }
      }
    }
    return edges;
  }

  /** What the scope does from {@code roots}. */
  Effect effect(Collection<Long> roots) {
    Set<RowRef> reached = reach(roots, true);
    Set<RowRef> deleted = new LinkedHashSet<>();
    Set<RowRef> kept = new LinkedHashSet<>();
    for (RowRef ref : reached) {
      (blocked(ref) ? kept : deleted).add(ref);
    }
    Map<RowRef, List<Reference>> updated = edges(reached, true);
    updated.keySet().removeAll(deleted);
    Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
    platform.tableNames().forEach(t -> counts.put(t, new EnumMap<>(Outcome.class)));
    deleted.forEach(r -> counts.get(r.table()).merge(Outcome.DELETED, 1L, Long::sum));
    updated.forEach(
        (r, refs) ->
            refs.stream()
                .map(ref -> outcome(ref.action()))
                .distinct()
                .forEach(o -> counts.get(r.table()).merge(o, 1L, Long::sum)));
    if (!holds.isEmpty()) {
      Set<RowRef> reachable = reach(roots, false);
      Set<RowRef> everything = new LinkedHashSet<>(reachable);
      everything.addAll(edges(reachable, false).keySet());
      Map<String, Long> all = new HashMap<>();
      everything.forEach(r -> all.merge(r.table(), 1L, Long::sum));
      all.forEach(
          (table, n) -> {
            long held = n - counts.get(table).values().stream().mapToLong(Long::longValue).sum();
            if (held != 0) {
              counts.get(table).put(Outcome.HELD, held);
            }
          });
    }
    return new Effect(deleted, kept, updated, counts);
  }

  static Outcome outcome(Action action) {
    return switch (action) {
      case CASCADE -> Outcome.DELETED;
      case DETACH -> Outcome.DETACHED;
      case ANONYMIZE -> Outcome.ANONYMIZED;
      case RETAIN -> Outcome.RETAINED;
    };
  }

  /**
   * @param kept rows within reach that stay because of a hold below them
   * @param updated rows detached, anonymized or retained, with the references that did it
   */
  record Effect(
      Set<RowRef> deleted,
      Set<RowRef> kept,
      Map<RowRef, List<Reference>> updated,
      Map<String, Map<Outcome, Long>> counts) {}
}
