package dev.lethe.bench.engine;

import java.util.Objects;

/**
 * One hand-written statement of an erasure: {@code DELETE FROM table WHERE where} or, when {@code
 * set} is given, {@code UPDATE table SET set WHERE where}. Every {@code ?} in {@code where} is the
 * subject's id; {@code HASH(column)} in {@code set} is the salted hash Lethe anonymizes with.
 *
 * @param byCascade whether the cascading schema variant does this step by itself (a foreign key
 *     with {@code ON DELETE CASCADE} or {@code SET NULL} leads to it)
 */
record Step(String table, String set, String where, boolean byCascade) {

  Step {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(where, "where");
  }

  static Step delete(String table, String where) {
    return new Step(table, null, where, true);
  }

  static Step update(String table, String set, String where, boolean byCascade) {
    return new Step(table, set, where, byCascade);
  }

  /** A delete that no foreign key leads to, so the cascading schema needs it written out. */
  static Step deleteUnlinked(String table, String where) {
    return new Step(table, null, where, false);
  }

  boolean isDelete() {
    return set == null;
  }

  int parameters() {
    return (int) where.chars().filter(c -> c == '?').count();
  }
}
