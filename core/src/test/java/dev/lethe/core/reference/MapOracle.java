package dev.lethe.core.reference;

import dev.lethe.core.datamap.Anonymization;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.engine.TableSnapshot;
import dev.lethe.core.receipt.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an erasure must do, worked out in memory from the data map's rules and a snapshot of every
 * row — independently of the engine's SQL: the rows reached from the roots along cascades go; rows
 * hanging off deleted rows by other relations are detached, anonymized or retained.
 */
final class MapOracle {

  private final DataMap map;
  private final TableSnapshot before;
  private final String salt;
  private final Map<String, Set<Long>> deleted = new LinkedHashMap<>();
  private final Map<String, Map<Long, Map<String, String>>> rewritten = new LinkedHashMap<>();
  private final Map<String, Map<Outcome, Long>> counts = new LinkedHashMap<>();
  private final Set<String> counted = new java.util.HashSet<>();

  MapOracle(DataMap map, TableSnapshot before, String salt) {
    this.map = map;
    this.before = before;
    this.salt = salt;
  }

  /** Deletes {@code ids} of {@code entity} and everything the map says follows. */
  MapOracle delete(String entity, Set<Long> ids) {
    Deque<Map.Entry<String, Long>> queue = new ArrayDeque<>();
    ids.forEach(id -> queue.add(Map.entry(entity, id)));
    ids.forEach(id -> deleted.computeIfAbsent(entity, e -> new TreeSet<>()).add(id));
    while (!queue.isEmpty()) {
      var next = queue.poll();
      for (Relation relation : map.childrenOf(next.getKey())) {
        if (relation.onDelete() != OnDelete.CASCADE) {
          continue;
        }
        for (long child : referencing(relation, next.getValue())) {
          if (deleted.computeIfAbsent(relation.child(), e -> new TreeSet<>()).add(child)) {
            queue.add(Map.entry(relation.child(), child));
          }
        }
      }
    }
    return this;
  }

  /** Rewrites {@code set} in the given rows (a root that a scope anonymizes). */
  MapOracle anonymize(String entity, Set<Long> ids, Map<String, Anonymization> set) {
    for (long id : ids) {
      set.forEach((column, how) -> rewrite(entity, id, column, how));
    }
    ids.forEach(id -> count(entity, Outcome.ANONYMIZED));
    return this;
  }

  /** The state every table must be in afterwards. */
  Map<String, Map<Long, Map<String, String>>> expected() {
    for (var entry : Map.copyOf(deleted).entrySet()) {
      for (long id : entry.getValue()) {
        count(entry.getKey(), Outcome.DELETED);
        for (Relation relation : map.childrenOf(entry.getKey())) {
          if (relation.onDelete() != OnDelete.CASCADE) {
            for (long child : referencing(relation, id)) {
              if (!deleted.getOrDefault(relation.child(), Set.of()).contains(child)) {
                update(relation, child);
              }
            }
          }
        }
      }
    }
    Map<String, Map<Long, Map<String, String>>> expected = new LinkedHashMap<>();
    for (var table : before.tables.entrySet()) {
      Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
      table
          .getValue()
          .forEach(
              (id, row) -> {
                if (!deleted.getOrDefault(table.getKey(), Set.of()).contains(id)) {
                  Map<String, String> copy = new HashMap<>(row);
                  copy.putAll(
                      rewritten.getOrDefault(table.getKey(), Map.of()).getOrDefault(id, Map.of()));
                  rows.put(id, copy);
                }
              });
      expected.put(table.getKey(), rows);
    }
    return expected;
  }

  Map<String, Map<Outcome, Long>> counts() {
    return counts;
  }

  Set<Long> deleted(String entity) {
    return deleted.getOrDefault(entity, Set.of());
  }

  private void update(Relation relation, long child) {
    Entity entity = map.entity(relation.child());
    switch (relation.onDelete()) {
      case DETACH -> {}
      case ANONYMIZE ->
          relation.set().forEach((column, how) -> rewrite(entity.name(), child, column, how));
      case RETAIN -> {
        entity
            .retained()
            .orElseThrow()
            .anonymize()
            .forEach((column, how) -> rewrite(entity.name(), child, column, how));
        entity.parents().stream()
            .filter(r -> r.onDelete() == OnDelete.RETAIN)
            .forEach(r -> rewrite(entity.name(), child, r.column(), new Anonymization.SetNull()));
      }
      case CASCADE -> throw new IllegalStateException();
    }
    rewrite(entity.name(), child, relation.column(), new Anonymization.SetNull());
    // A row reached along several relations with the same outcome counts once.
    Outcome outcome = Outcome.of(relation.onDelete());
    if (counted.add(entity.name() + "#" + outcome + "#" + child)) {
      count(entity.name(), outcome);
    }
  }

  private void rewrite(String entity, long id, String column, Anonymization how) {
    String old = before.rows(entity).get(id).get(column);
    String value =
        switch (how) {
          case Anonymization.SetNull ignored -> null;
          case Anonymization.FixedText text -> text.text();
          case Anonymization.KeyedHash ignored -> old == null ? null : sha256(salt + old);
        };
    Map<String, String> row =
        rewritten
            .computeIfAbsent(entity, e -> new HashMap<>())
            .computeIfAbsent(id, i -> new HashMap<>());
    if (!row.containsKey(column)) {
      row.put(column, value);
    }
  }

  private Set<Long> referencing(Relation relation, long parent) {
    Set<Long> ids = new TreeSet<>();
    String key = Long.toString(parent);
    before
        .rows(relation.child())
        .forEach(
            (id, row) -> {
              if (Objects.equals(row.get(relation.column()), key)) {
                ids.add(id);
              }
            });
    return ids;
  }

  private void count(String entity, Outcome outcome) {
    counts.computeIfAbsent(entity, e -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
  }

  private static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
