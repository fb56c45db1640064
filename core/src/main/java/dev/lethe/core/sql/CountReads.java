package dev.lethe.core.sql;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Results;
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

  private static final String NO_JIT = "select set_config('jit', 'off', true);\n";

  private CountReads() {}

  /** The one row of {@code query}. */
  public static Record fetchOne(DSLContext dsl, ResultQuery<? extends Record> query) {
    if (dsl.dialect().family() != SQLDialect.POSTGRES) {
      return query.fetchOne();
    }
    return fetchOne(dsl, dsl.render(query), query.getBindValues().toArray());
  }

  /** The one row of the statement {@code sql} with {@code binds}. */
  public static Record fetchOne(DSLContext dsl, String sql, Object... binds) {
    if (dsl.dialect().family() != SQLDialect.POSTGRES) {
      return dsl.resultQuery(sql, binds).fetchOne();
    }
    Results results = dsl.resultQuery(NO_JIT + sql, binds).fetchMany();
    return results.getLast().get(0);
  }
}
