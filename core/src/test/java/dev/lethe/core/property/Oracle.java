package dev.lethe.core.property;

import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.property.Platform.Action;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Strategy;
import dev.lethe.core.property.Platform.Table;
import dev.lethe.core.property.Walk.RowRef;
import dev.lethe.core.receipt.Outcome;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The expected result of an erasure, computed in memory from the generated rows: which rows go,
 * which columns are rewritten how, the counts, and what verification must find.
 */
final class Oracle {

  /**
   * @param rewrites per table and row, the columns rewritten and how (references set to NULL
   *     included)
   * @param counts what the plan previews and the run does, per table and outcome
   * @param heldAfter the held rows the receipt reports (counted again after the run)
   * @param problems what verification must report (empty: it must pass)
   */
  record Expectation(
      List<Long> roots,
      Map<String, List<Long>> deleted,
      Map<String, Map<Long, Map<String, Strategy>>> rewrites,
      Map<String, Map<Outcome, Long>> counts,
      Map<String, Long> heldAfter,
      List<String> problems,
      Map<String, LocalDate> retainedUntil) {

    boolean nothingFound() {
      return counts.values().stream().allMatch(Map::isEmpty);
    }
  }

  private final Platform platform;
  private final Dataset data;
  private final Subject subject;
  private final List<LegalHold> holds;

  Oracle(Platform platform, Dataset data, Subject subject, List<LegalHold> holds) {
    this.platform = platform;
    this.data = data;
    this.subject = subject;
    this.holds = holds;
  }

  Expectation expect() {
    List<Long> roots = roots();
    Walk before = new Walk(platform, data.tables, holds);
    Walk.Effect effect = before.effect(roots);
    Map<String, List<Long>> deleted = new TreeMap<>();
    platform.tableNames().forEach(t -> deleted.put(t, new ArrayList<>()));
    effect.deleted().forEach(r -> deleted.get(r.table()).add(r.id()));
    Map<String, Map<Long, Map<String, Strategy>>> rewrites = new TreeMap<>();
    platform.tableNames().forEach(t -> rewrites.put(t, new TreeMap<>()));
    effect.updated().forEach((r, refs) -> rewrites.get(r.table()).put(r.id(), rewrite(r, refs)));

    Map<String, Map<Long, Map<String, Object>>> after = apply(deleted, rewrites);
    Walk walkAfter = new Walk(platform, after, holds);
    Walk.Effect remaining = walkAfter.effect(roots);
    List<String> problems = new ArrayList<>();
    Map<String, Long> heldAfter = new TreeMap<>();
    remaining
        .counts()
        .forEach(
            (table, counts) ->
                counts.forEach(
                    (outcome, n) -> {
                      if (outcome == Outcome.HELD) {
                        heldAfter.put(table, n);
                      } else {
                        problems.add(table + ": " + n + " row(s) below the deleted roots remain");
                      }
                    }));
    List<RowRef> anonymized =
        effect.updated().entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(r -> r.action() != Action.DETACH))
            .map(Map.Entry::getKey)
            .filter(r -> after.get(r.table()).containsKey(r.id()))
            .toList();
    var verification = new VerificationOracle(platform, subject, walkAfter, after, roots);
    problems.addAll(verification.identitiesLeft());
    problems.addAll(verification.identitiesInAnonymized(anonymized));
    return new Expectation(
        roots,
        deleted,
        rewrites,
        effect.counts(),
        heldAfter,
        problems,
        retainedUntil(anonymized, after));
  }

  List<Long> roots() {
    Table root = platform.rootTable();
    List<Long> roots = new ArrayList<>();
    data.rows(root.name())
        .forEach(
            (id, row) -> {
              boolean selected =
                  subject.identities().stream().anyMatch(i -> matches(root, id, row, i));
              boolean inWorkspace =
                  subject
                      .workspace()
                      .map(w -> Objects.equals(String.valueOf(row.get("tenant_id")), w))
                      .orElse(true);
              if (selected && inWorkspace) {
                roots.add(id);
              }
            });
    return roots;
  }

  private static boolean matches(Table table, long id, Map<String, Object> row, Identity identity) {
    if (identity.kind() == IdentityKind.IDS) {
      return identity.value().equals(String.valueOf(id));
    }
    return table.identities().stream()
        .anyMatch(c -> c.kind() == identity.kind() && identity.value().equals(row.get(c.column())));
  }

  private Map<String, Strategy> rewrite(RowRef row, List<Reference> references) {
    Table table = platform.table(row.table());
    Map<String, Strategy> columns = new LinkedHashMap<>();
    for (Reference reference : references) {
      switch (reference.action()) {
        case ANONYMIZE -> columns.putAll(reference.set());
        case RETAIN -> {
          columns.putAll(table.retainedAnonymize().orElseThrow());
          // A retained row loses every retaining link, not only the one that reached it.
          table.references().stream()
              .filter(r -> r.action() == Action.RETAIN)
              .forEach(r -> columns.put(r.column(), Strategy.NULL));
        }
        default -> {}
      }
      columns.put(reference.column(), Strategy.NULL);
    }
    return columns;
  }

  private Map<String, Map<Long, Map<String, Object>>> apply(
      Map<String, List<Long>> deleted, Map<String, Map<Long, Map<String, Strategy>>> rewrites) {
    Map<String, Map<Long, Map<String, Object>>> after = new LinkedHashMap<>();
    data.tables.forEach(
        (table, rows) -> {
          Map<Long, Map<String, Object>> copy = new TreeMap<>();
          rows.forEach((id, row) -> copy.put(id, new LinkedHashMap<>(row)));
          deleted.get(table).forEach(copy::remove);
          rewrites
              .get(table)
              .forEach(
                  (id, columns) ->
                      columns.forEach(
                          (column, how) -> {
                            Map<String, Object> row = copy.get(id);
                            row.put(column, rewritten(how, row.get(column)));
                          }));
          after.put(table, copy);
        });
    return after;
  }

  /** The value a strategy leaves, for searching; a hash is never one of the pool's values. */
  private static Object rewritten(Strategy how, Object old) {
    return switch (how) {
      case NULL -> null;
      case TEXT -> Strategy.FIXED_TEXT;
      case HASH -> old == null ? null : "hash of something";
    };
  }

  private Map<String, LocalDate> retainedUntil(
      List<RowRef> anonymized, Map<String, Map<Long, Map<String, Object>>> after) {
    Map<String, LocalDate> until = new TreeMap<>();
    for (RowRef ref : anonymized) {
      if (platform.table(ref.table()).retained()) {
        LocalDateTime since =
            (LocalDateTime) after.get(ref.table()).get(ref.id()).get("created_at");
        until.merge(ref.table(), since.toLocalDate().plusYears(7), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return until;
  }
}
