package dev.lethe.core.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * Reads a scope's counts: one large statement of many subqueries, each finding its rows by index.
 *
 * <p>On PostgreSQL the planner's cost estimate for such a statement passes {@code jit_above_cost},
 * and compiling it took 3.1 s of the 3.5 s a million-message workspace's recount took after its
 * erasure (0.36 s without). There the statement goes after {@code set_config('jit', 'off', true)},
 * in the same round trip: the setting lasts to the end of the transaction, which, outside one, is
 * the two statements' own (the extended protocol's implicit transaction, ended by its sync).
 */
public final class CountReads {

  /** PostgreSQL: turns the planner's compiling to machine code off to the transaction's end. */
  public static final String NO_JIT = "select set_config('jit', 'off', true)";

  private CountReads() {}

  /** The values of the one row of {@code query}. */
  public static List<Object> fetchOne(DSLContext dsl, ResultQuery<? extends Record> query) {
    if (dsl.dialect().family() != SQLDialect.POSTGRES) {
      return query.fetchSingle().intoList();
    }
    return fetchOne(dsl, dsl.render(query), query.getBindValues().toArray());
  }

  /**
   * The values of the one row of the statement {@code sql} with {@code binds}. On PostgreSQL it
   * goes through JDBC: as jOOQ's plain SQL, the statement of a tree's counts, long and the same for
   * every subject of a shape, was scanned for its parameters again every time.
   */
  public static List<Object> fetchOne(DSLContext dsl, String sql, Object... binds) {
    if (dsl.dialect().family() != SQLDialect.POSTGRES) {
      return dsl.resultQuery(sql, binds).fetchSingle().intoList();
    }
    return dsl.connectionResult(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(NO_JIT + ";\n" + sql)) {
            for (int i = 0; i < binds.length; i++) {
              statement.setObject(i + 1, binds[i]);
            }
            statement.execute();
            if (!statement.getMoreResults()) {
              throw new IllegalStateException("a count returned no row");
            }
            try (ResultSet row = statement.getResultSet()) {
              if (!row.next()) {
                throw new IllegalStateException("a count returned no row");
              }
              List<Object> values = new ArrayList<>();
              for (int c = 1; c <= row.getMetaData().getColumnCount(); c++) {
                values.add(row.getObject(c));
              }
              return values;
            }
          }
        });
  }
}
