package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.CountingDataSource;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.ResultOrRows;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Statements sent together run in order, give each its own count, and commit or fail together. */
class TogetherTest {

  private static final Table<?> T = DSL.table(DSL.name("t"));
  private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
  private static final Field<String> V = DSL.field(DSL.name("v"), SQLDataType.VARCHAR);

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void statements_sent_together_run_in_order_each_with_its_count(TestDatabase.Kind kind)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = table(db);

      int[] counts =
          dsl.transactionResult(
              c ->
                  Together.execute(
                      c.dsl(),
                      List.of(
                          c.dsl().insertInto(T, ID, V).values(1L, "a").values(2L, "b"),
                          c.dsl().insertInto(T, ID, V).values(3L, "c"),
                          c.dsl().update(T).set(V, "z").where(ID.gt(1L)),
                          c.dsl().deleteFrom(T).where(ID.eq(3L)),
                          c.dsl().deleteFrom(T).where(ID.eq(9L)))));

      assertThat(counts).containsExactly(2, 1, 2, 1, 0);
      assertThat(db.count("SELECT COUNT(*) FROM t")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id = 2 AND v = 'z'")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id = 1 AND v = 'a'")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_statement_that_fails_fails_its_transaction_with_the_others(TestDatabase.Kind kind)
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = table(db);

      assertThatThrownBy(
              () ->
                  dsl.transaction(
                      c ->
                          Together.execute(
                              c.dsl(),
                              List.of(
                                  c.dsl().insertInto(T, ID, V).values(1L, "a"),
                                  c.dsl().insertInto(T, ID, V).values(1L, "again"),
                                  c.dsl().insertInto(T, ID, V).values(2L, "b")))))
          .isInstanceOf(DataAccessException.class);

      assertThat(db.count("SELECT COUNT(*) FROM t")).isZero();
    }
  }

  @Test
  void on_postgresql_they_go_as_one_statement_of_many_with_their_values_bound()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      table(db);
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      DSLContext dsl = Vendor.POSTGRESQL.dsl(counting.dataSource());

      List<ResultOrRows> results =
          dsl.transactionResult(
              c -> {
                List<Query> queries =
                    List.of(
                        c.dsl().insertInto(T, ID, V).values(1L, "first-value"),
                        c.dsl().resultQuery("select count(*) from t where v = {0}", "first-value"),
                        c.dsl().deleteFrom(T).where(V.eq("first-value")));
                counting.sent.clear();
                return Together.results(c.dsl(), queries);
              });

      assertThat(results.get(0).rows()).isEqualTo(1);
      assertThat(results.get(1).result().getFirst().get(0, Integer.class)).isEqualTo(1);
      assertThat(results.get(2).rows()).isEqualTo(1);
      assertThat(counting.sent)
          .hasSize(3)
          .allMatch(CountingDataSource.Sent::batched, "sent with the others")
          .noneMatch(s -> s.sql().contains("first-value"), "the values bound, not in the text");
      assertThat(db.count("SELECT COUNT(*) FROM t")).isZero();
    }
  }

  /** Creates table {@code t}; returns a context on {@code db}. */
  private static DSLContext table(TestDatabase db) throws SQLException {
    db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(20))");
    return Vendor.valueOf(db.kind().name()).dsl(db.dataSource());
  }
}
