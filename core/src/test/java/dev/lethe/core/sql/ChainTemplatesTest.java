package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.core.engine.CountingDataSource;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * A chain is rendered once per shape, then sent as that text with each chain's run id and keys
 * bound; a chain whose text or values cannot be told apart from its sources is never templated; and
 * a template used for a chain it does not render fails the statement when checking.
 */
class ChainTemplatesTest {

  private static final Table<?> T = DSL.table(DSL.name("t"));

  @SuppressWarnings("unchecked") // a key column, taken as objects as the engine takes its keys
  private static final Field<Object> ID =
      (Field<Object>) (Field<?>) DSL.field(DSL.name("t", "id"), SQLDataType.BIGINT);

  private static final Field<String> V = DSL.field(DSL.name("t", "v"), SQLDataType.VARCHAR);

  /** Tags the rows of the keys with the run id, then deletes those already marked done. */
  private static Function<List<?>, ChainTemplates.Built<String>> build(
      DSLContext dsl, AtomicInteger builds) {
    return sources -> {
      builds.incrementAndGet();
      String run = (String) sources.get(0);
      List<?> keys = (List<?>) sources.get(1);
      return new ChainTemplates.Built<>(
          List.of(
              dsl.update(T).set(V, run).where(KeyList.among(ID, keys)).and(V.ne("done")),
              dsl.deleteFrom(T).where(KeyList.among(ID, keys)).and(V.eq("done"))),
          "tag, then delete");
    };
  }

  @Test
  void a_shape_is_rendered_once_then_sent_with_each_chains_run_id_and_keys() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute(
          "CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))",
          "INSERT INTO t VALUES (1, 'x'), (2, 'x'), (3, 'done'), (4, 'x'), (5, 'done'), (6, 'x')");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      DSLContext dsl = Vendor.POSTGRESQL.dsl(counting.dataSource());
      ChainTemplates templates = new ChainTemplates();
      AtomicInteger builds = new AtomicInteger();
      var build = build(dsl, builds);

      List<Object> first = List.of("run-a", List.<Object>of(1L, 2L, 3L));
      var template = templates.template(dsl, "tag", first, build);
      assertThat(template).isPresent();
      assertThat(template.get().meta()).isEqualTo("tag, then delete");
      assertThat(builds).hasValue(2); // from the values, then from their stand-ins
      List<ChainTemplates.Result> results =
          dsl.transactionResult(c -> ChainTemplates.run(c.dsl(), template.get(), first, build));
      assertThat(results).extracting(ChainTemplates.Result::rows).containsExactly(2, 1);

      List<Object> second = List.of("run-b", List.<Object>of(4L, 5L));
      builds.set(0);
      var again = templates.template(dsl, "tag", second, build);
      assertThat(again.get()).isSameAs(template.get());
      assertThat(builds).hasValue(0);
      counting.sent.clear();
      results = dsl.transactionResult(c -> ChainTemplates.run(c.dsl(), again.get(), second, build));

      assertThat(results).extracting(ChainTemplates.Result::rows).containsExactly(1, 1);
      assertThat(counting.sent)
          .hasSize(2)
          .allMatch(CountingDataSource.Sent::batched, "sent together")
          .noneMatch(s -> s.sql().contains("run-b"), "the run id bound, not in the text");
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v = 'run-a' AND id IN (1, 2)"))
          .isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v = 'run-b' AND id = 4")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id IN (3, 5)")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id = 6 AND v = 'x'")).isEqualTo(1);
    }
  }

  /**
   * Constants rendered into the text (a {@code NOT EXISTS (SELECT 1 …)}, an inlined value) are part
   * of the shape: such a chain is templated as any other, not built for every page.
   */
  @Test
  void a_chain_with_constants_in_its_text_is_templated() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute(
          "CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))",
          "CREATE TABLE u (id BIGINT PRIMARY KEY, t_id BIGINT)",
          "INSERT INTO t VALUES (1, 'x'), (2, 'x'), (3, 'keep'), (4, 'x'), (5, 'x')",
          "INSERT INTO u VALUES (1, 2), (2, 5)");
      DSLContext dsl = Vendor.POSTGRESQL.dsl(db.dataSource());
      ChainTemplates templates = new ChainTemplates();
      AtomicInteger builds = new AtomicInteger();
      Table<?> u = DSL.table(DSL.name("u"));
      Field<Object> tId = DSL.field(DSL.name("u", "t_id"));
      Function<List<?>, ChainTemplates.Built<String>> build =
          sources -> {
            builds.incrementAndGet();
            return new ChainTemplates.Built<>(
                List.of(
                    dsl.deleteFrom(T)
                        .where(KeyList.among(ID, (List<?>) sources.get(1)))
                        .and(V.ne(DSL.inline("keep")))
                        .and(DSL.notExists(DSL.selectOne().from(u).where(tId.eq(ID))))),
                "delete the unkept without rows below");
          };

      List<Object> first = List.of("run-a", List.<Object>of(1L, 2L, 3L));
      var template = templates.template(dsl, "guarded", first, build).orElseThrow();
      dsl.transaction(c -> ChainTemplates.run(c.dsl(), template, first, build));
      List<Object> second = List.of("run-b", List.<Object>of(4L, 5L));
      builds.set(0);
      var again = templates.template(dsl, "guarded", second, build).orElseThrow();
      assertThat(again).isSameAs(template);
      assertThat(builds).hasValue(0);
      dsl.transaction(c -> ChainTemplates.run(c.dsl(), again, second, build));

      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id IN (1, 4)")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE id IN (2, 3, 5)")).isEqualTo(3);
    }
  }

  @Test
  void a_single_key_is_bound_as_itself_and_a_returned_row_read_with_its_arrays()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      DSLContext dsl = Vendor.POSTGRESQL.dsl(counting.dataSource());
      ChainTemplates templates = new ChainTemplates();
      Function<List<?>, ChainTemplates.Built<String>> build =
          sources ->
              new ChainTemplates.Built<>(
                  List.of(
                      dsl.insertInto(T)
                          .set(ID, ((List<?>) sources.get(1)).getFirst())
                          .set(V, "new"),
                      dsl.update(T)
                          .set(V, (String) sources.get(0))
                          .where(KeyList.among(ID, (List<?>) sources.get(1))),
                      dsl.resultQuery(
                          "select count(*), array_agg({0} order by {0}) from {1} where {2} = {3}",
                          ID, T, V, DSL.val((String) sources.get(0)))),
                  "insert one, tag it, then read the tagged");

      for (long id = 1; id <= 3; id++) {
        List<Object> sources = List.of("run-" + id, List.<Object>of(id));
        var template = templates.template(dsl, "one", sources, build).orElseThrow();
        counting.sent.clear();
        List<ChainTemplates.Result> results =
            dsl.transactionResult(c -> ChainTemplates.run(c.dsl(), template, sources, build));

        assertThat(counting.sent).hasSize(3).allMatch(CountingDataSource.Sent::batched);
        assertThat(results).hasSize(3);
        assertThat(results.get(0).rows()).isEqualTo(1);
        assertThat(results.get(1).rows()).isEqualTo(1);
        assertThat(results.get(2).value(0)).isEqualTo(1L);
        assertThat((Long[]) results.get(2).value(1)).containsExactly(id);
      }
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v = 'run-' || id")).isEqualTo(3);
    }
  }

  @Test
  void a_null_source_is_bound_as_a_constant_of_a_shape_of_its_own() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      DSLContext dsl = Vendor.POSTGRESQL.dsl(db.dataSource());
      ChainTemplates templates = new ChainTemplates();
      Function<List<?>, ChainTemplates.Built<String>> build =
          sources ->
              new ChainTemplates.Built<>(
                  List.of(
                      dsl.insertInto(T).set(ID, sources.get(1)).set(V, (String) sources.get(0))),
                  "insert");
      List<List<Object>> rows = new ArrayList<>();
      rows.add(java.util.Arrays.asList("a", 1L));
      rows.add(java.util.Arrays.asList(null, 2L));
      rows.add(java.util.Arrays.asList("b", 3L));
      rows.add(java.util.Arrays.asList(null, 4L));

      List<ChainTemplates.Template<String>> used = new ArrayList<>();
      for (List<Object> row : rows) {
        var template = templates.template(dsl, "insert", row, build).orElseThrow();
        used.add(template);
        dsl.transaction(c -> ChainTemplates.run(c.dsl(), template, row, build));
      }

      assertThat(used.get(0)).isSameAs(used.get(2)).isNotSameAs(used.get(1));
      assertThat(used.get(1)).isSameAs(used.get(3));
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v IS NULL AND id IN (2, 4)")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v = 'a' AND id = 1")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM t WHERE v = 'b' AND id = 3")).isEqualTo(1);
    }
  }

  @Test
  void a_chain_whose_text_or_values_are_not_its_sources_is_built_every_time() throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      DSLContext dsl = Vendor.POSTGRESQL.dsl(db.dataSource());
      ChainTemplates templates = new ChainTemplates();
      List<Object> sources = List.of("run-a", List.<Object>of(1L, 2L));

      Function<List<?>, ChainTemplates.Built<String>> inlined =
          s ->
              new ChainTemplates.Built<>(
                  List.of(dsl.update(T).set(V, DSL.inline((String) s.get(0)))), "inlined");
      Function<List<?>, ChainTemplates.Built<String>> derived =
          s ->
              new ChainTemplates.Built<>(
                  List.of(dsl.update(T).set(V, s.get(0) + "!")), "derived from a source");
      Function<List<?>, ChainTemplates.Built<String>> keysOneByOne =
          s -> {
            List<org.jooq.Query> queries = new ArrayList<>();
            for (Object key : (List<?>) s.get(1)) {
              queries.add(dsl.deleteFrom(T).where(ID.eq(key)));
            }
            return new ChainTemplates.Built<>(queries, "a key bound alone");
          };

      assertThat(templates.template(dsl, "inlined", sources, inlined)).isEmpty();
      assertThat(templates.template(dsl, "derived", sources, derived)).isEmpty();
      assertThat(templates.template(dsl, "one by one", sources, keysOneByOne)).isEmpty();
      assertThat(templates.template(dsl, "no stand-in", List.of(List.of(1.5, 2.5)), keysOneByOne))
          .isEmpty();
      List<Object> many = new ArrayList<>();
      for (int i = 0; i <= ChainTemplates.MAX_SOURCES; i++) {
        many.add((long) i);
      }
      Function<List<?>, ChainTemplates.Built<String>> manyValues =
          s -> new ChainTemplates.Built<>(List.of(dsl.deleteFrom(T).where(ID.in(s))), "many");
      assertThat(templates.template(dsl, "too many values", many, manyValues)).isEmpty();
    }
  }

  @Test
  void a_read_of_a_shape_is_rendered_once_and_returns_every_row_as_jooq_would()
      throws SQLException {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute(
          "CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))",
          "INSERT INTO t SELECT i, CASE WHEN i % 3 = 0 THEN 'b' ELSE 'a' END"
              + " FROM generate_series(1, 20) i");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      DSLContext dsl = Vendor.POSTGRESQL.dsl(counting.dataSource());
      ChainTemplates templates = new ChainTemplates();
      AtomicInteger builds = new AtomicInteger();
      // the rows of one tag among some keys, after a key if any, at most a page of them
      Function<List<?>, org.jooq.ResultQuery<? extends org.jooq.Record>> read =
          s -> {
            builds.incrementAndGet();
            var where = KeyList.among(ID, (List<?>) s.get(0)).and(V.eq((String) s.get(1)));
            return dsl.select(ID)
                .from(T)
                .where(s.get(2) == null ? where : where.and(ID.gt(s.get(2))))
                .orderBy(ID)
                .limit((Long) s.get(3));
          };
      List<Object> keys = new ArrayList<>();
      for (long k = 1; k <= 20; k++) {
        keys.add(k);
      }

      List<Object> firstPage = java.util.Arrays.asList(keys, "a", null, 5L);
      assertThat(templates.fetch(dsl, "page", firstPage, ID, read))
          .containsExactly(1L, 2L, 4L, 5L, 7L);
      builds.set(0);
      counting.sent.clear();
      List<Object> next = java.util.Arrays.asList(keys, "a", 7L, 5L);
      assertThat(templates.fetch(dsl, "page", next, ID, read))
          .containsExactly(8L, 10L, 11L, 13L, 14L);
      List<Object> again = java.util.Arrays.asList(keys, "a", 14L, 5L);
      assertThat(templates.fetch(dsl, "page", again, ID, read)).containsExactly(16L, 17L, 19L, 20L);
      List<Object> other = java.util.Arrays.asList(keys.subList(0, 9), "b", 0L, 10L);
      assertThat(templates.fetch(dsl, "page", other, ID, read)).containsExactly(3L, 6L, 9L);

      // a page after a key is a shape of its own (built twice), then each read is its template's
      // text, the keys and tag bound; only the check, when on, builds the statement again
      int checks = Boolean.getBoolean(ChainTemplates.CHECK) ? 2 : 0;
      assertThat(builds).hasValue(2 + 3 * checks);
      assertThat(counting.sent)
          .extracting(CountingDataSource.Sent::sql)
          .filteredOn(sql -> sql.contains("\"t\".\"id\" = any"))
          .hasSizeGreaterThanOrEqualTo(3)
          .noneMatch(sql -> sql.contains("'a'") || sql.contains("'b'"));

      builds.set(0);
      assertThat(templates.fetch(dsl, null, firstPage, ID, read))
          .containsExactly(1L, 2L, 4L, 5L, 7L);
      assertThat(builds).as("no shape: built by jOOQ").hasValue(1);
    }
  }

  @Test
  void checking_fails_a_template_sent_for_a_chain_it_does_not_render() throws SQLException {
    assumeTrue(Boolean.getBoolean(ChainTemplates.CHECK), "templates are checked in the tests only");
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      db.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(40))");
      DSLContext dsl = Vendor.POSTGRESQL.dsl(db.dataSource());
      ChainTemplates templates = new ChainTemplates();
      var build = build(dsl, new AtomicInteger());
      List<Object> sources = List.of("run-a", List.<Object>of(1L, 2L));
      var template = templates.template(dsl, "tag", sources, build).orElseThrow();
      Function<List<?>, ChainTemplates.Built<String>> other =
          s ->
              new ChainTemplates.Built<>(
                  List.of(
                      dsl.update(T)
                          .set(V, (String) s.get(0))
                          .where(KeyList.among(ID, (List<?>) s.get(1)))
                          .and(V.ne("kept")),
                      dsl.deleteFrom(T)
                          .where(KeyList.among(ID, (List<?>) s.get(1)))
                          .and(V.eq("done"))),
                  "another constant");

      assertThatThrownBy(
              () -> dsl.transaction(c -> ChainTemplates.run(c.dsl(), template, sources, other)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("its shape misses what they depend on");
    }
  }
}
