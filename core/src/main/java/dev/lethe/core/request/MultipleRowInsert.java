package dev.lethe.core.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * One table's insert of several rows in one statement, its text rendered by jOOQ the first time
 * that many rows are written at once (at most {@link #ROWS_PER_STATEMENT} renderings a table) and
 * its values bound through JDBC.
 */
final class MultipleRowInsert {

  /** At most this many rows go in one insert; a table's rows beyond them take another. */
  static final int ROWS_PER_STATEMENT = 64;

  private final DSLContext dsl;
  private final Table<?> table;
  private final List<Field<?>> columns;
  private final AtomicReferenceArray<String> rendered =
      new AtomicReferenceArray<>(ROWS_PER_STATEMENT + 1);

  MultipleRowInsert(DSLContext dsl, Table<?> table, List<Field<?>> columns) {
    this.dsl = dsl;
    this.table = table;
    this.columns = columns;
  }

  /** One insert of this table: its rows, at most {@link #ROWS_PER_STATEMENT}. */
  record Rows(MultipleRowInsert into, List<Object[]> rows) {

    String sql() {
      return into.sql(rows.size());
    }

    /** Binds the rows' values from {@code index} on; returns the index after the last. */
    int bind(PreparedStatement s, int index) throws SQLException {
      for (Object[] row : rows) {
        for (Object value : row) {
          s.setObject(index++, value);
        }
      }
      return index;
    }

    /** Runs the insert as a statement of its own. */
    void execute(Connection c) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(sql())) {
        bind(s, 1);
        s.executeUpdate();
      }
    }
  }

  /** Adds to {@code inserts} the inserts of {@code rows}, {@link #ROWS_PER_STATEMENT} at a time. */
  void add(List<Rows> inserts, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      inserts.add(
          new Rows(this, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT))));
    }
  }

  /**
   * PostgreSQL: runs {@code inserts} as one statement of many, in one round trip; committed when
   * this returns (in auto-commit, by the server at the end of what was sent).
   */
  static void executeChained(Connection c, List<Rows> inserts) throws SQLException {
    String sql = String.join(";\n", inserts.stream().map(Rows::sql).toList());
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int index = 1;
      for (Rows insert : inserts) {
        index = insert.bind(s, index);
      }
      s.execute();
      // every part's count read, so that a part that failed throws here
      while (s.getMoreResults() || s.getUpdateCount() != -1) {}
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private String sql(int rows) {
    String sql = rendered.get(rows);
    if (sql == null) {
      sql = render(table, rows);
      rendered.set(rows, sql);
    }
    return sql;
  }

  private <R extends Record> String render(Table<R> into, int rows) {
    List<Field<?>> placeholders = columns.stream().<Field<?>>map(c -> DSL.val(null, c)).toList();
    InsertValuesStepN<R> insert = dsl.insertInto(into).columns(columns).values(placeholders);
    for (int i = 1; i < rows; i++) {
      insert = insert.values(placeholders);
    }
    return dsl.render(insert);
  }
}
