package dev.lethe.core.sql;

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
 * in the same round trip ({@link Together}): the setting lasts to the end of the transaction,
 * which, outside one, is the two statements' own (the extended protocol's implicit transaction,
 * ended by its sync).
 */
public final class CountReads {

  private static final String NO_JIT = "select set_config('jit', 'off', true)";

  private CountReads() {}

  /** The one row of {@code query}. */
  public static Record fetchOne(DSLContext dsl, ResultQuery<? extends Record> query) {
    if (dsl.dialect().family() != SQLDialect.POSTGRES) {
      return query.fetchOne();
    }
    return Together.results(dsl, List.of(dsl.resultQuery(NO_JIT), query)).getLast().result().get(0);
  }

  /** The one row of the statement {@code sql} with {@code binds}. */
  public static Record fetchOne(DSLContext dsl, String sql, Object... binds) {
    return fetchOne(dsl, dsl.resultQuery(sql, binds));
  }
}
