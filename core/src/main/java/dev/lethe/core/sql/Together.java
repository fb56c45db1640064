package dev.lethe.core.sql;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.ResultOrRows;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;

/**
 * Statements sent to the database together, in one round trip.
 *
 * <p>On PostgreSQL as one statement of many, separated by semicolons, with their values bound: the
 * driver sends each part as its own prepared statement, all before one sync, and the server keeps
 * each part prepared once the same text has run a few times, so a page of a dozen statements is
 * neither parsed nor planned from its text again. Elsewhere as one JDBC batch (jOOQ inlines the
 * values of a batch of different statements).
 *
 * <p>The statements are parts of one template ({@code {0};\n{1};…}), so that jOOQ renders and binds
 * each once; rendering them to text first and handing that text back as plain SQL parsed and bound
 * the whole page again.
 *
 * <p>As a batch of inlined statements, a page of a contact's erasure was parsed and planned anew
 * every time, its statements, each with its keys written out, never the same text twice.
 */
public final class Together {

  private Together() {}

  /** Whether {@link #results} can send statements that return rows with others. */
  public static boolean returnsRows(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.POSTGRES;
  }

  /** Runs {@code queries} in order, in one round trip; returns each one's update count. */
  public static int[] execute(DSLContext dsl, List<? extends Query> queries) {
    if (queries.isEmpty()) {
      return new int[0];
    }
    if (queries.size() == 1) {
      return new int[] {queries.getFirst().execute()};
    }
    if (!returnsRows(dsl)) {
      return dsl.batch(queries).execute();
    }
    List<ResultOrRows> results = results(dsl, queries);
    int[] counts = new int[results.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = results.get(i).rows();
    }
    return counts;
  }

  /**
   * PostgreSQL only ({@link #returnsRows}): runs {@code queries} in order, in one round trip;
   * returns each one's result: its rows if it returns rows, else its update count.
   */
  public static List<ResultOrRows> results(DSLContext dsl, List<? extends Query> queries) {
    if (!returnsRows(dsl)) {
      throw new IllegalStateException("statements of many are sent to PostgreSQL only");
    }
    List<ResultOrRows> results = chain(dsl, queries).fetchMany().resultsOrRows();
    if (results.size() != queries.size()) {
      throw new IllegalStateException(
          queries.size() + " statements sent together gave " + results.size() + " results");
    }
    return results;
  }

  /** {@code queries} as one statement of many ({@code {0};\n{1};…}), as PostgreSQL is sent them. */
  public static ResultQuery<Record> chain(DSLContext dsl, List<? extends Query> queries) {
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      template.append(i == 0 ? "{" : ";\n{").append(i).append('}');
    }
    return dsl.resultQuery(template.toString(), queries.toArray(QueryPart[]::new));
  }
}
