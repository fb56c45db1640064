package dev.lethe.bench.engine;

import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What every contestant must leave: the subjects' rows gone, every other row as it was, and the
 * database equal to what Lethe (the first contestant) left. Results go into the contestant's {@code
 * extra} as 1 (held) or 0 (broken), with a note naming the tables when broken.
 */
final class Checks {

  private final Vendor vendor;
  private final ErasureSql sql;
  private final List<Long> subjects;
  private final Fingerprint outsideBefore;
  private Fingerprint first;

  private Checks(Vendor vendor, ErasureSql sql, List<Long> subjects, Fingerprint outside) {
    this.vendor = vendor;
    this.sql = sql;
    this.subjects = subjects;
    this.outsideBefore = outside;
  }

  static Checks before(Connection connection, Vendor vendor, ErasureSql sql, List<Subject> subjects)
      throws SQLException {
    List<Long> ids = subjects.stream().map(Subject::id).toList();
    return new Checks(vendor, sql, ids, Fingerprint.outside(connection, vendor, sql, ids));
  }

  /**
   * Checks what {@code contestant} left; its timed run started from {@code rowsAtStart} rows
   * ({@link Fingerprint#rows}).
   */
  void after(
      Connection connection,
      String contestant,
      long rowsAtStart,
      Map<String, Double> extra,
      List<String> notes)
      throws SQLException {
    Map<String, Long> left = Fingerprint.inside(connection, sql, subjects);
    List<String> touched =
        Fingerprint.outside(connection, vendor, sql, subjects).differences(outsideBefore);
    Fingerprint all = Fingerprint.all(connection, vendor);
    List<String> different = first == null ? List.of() : all.differences(first);
    if (first == null) {
      first = all;
    }
    extra.put("rows_deleted", (double) (rowsAtStart - all.rows()));
    extra.put("subjects_gone", left.isEmpty() ? 1.0 : 0.0);
    extra.put("others_untouched", touched.isEmpty() ? 1.0 : 0.0);
    extra.put("same_as_lethe", different.isEmpty() ? 1.0 : 0.0);
    if (!left.isEmpty()) {
      notes.add(contestant + ": PROBLEM: rows of the subjects left in " + left);
    }
    if (!touched.isEmpty()) {
      notes.add(contestant + ": PROBLEM: rows of others changed in " + touched);
    }
    if (!different.isEmpty()) {
      notes.add(contestant + ": PROBLEM: differs from what Lethe left in " + different);
    }
  }
}
