package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A statement rendered once per shape and bound with each key list gives what building and
 * rendering it anew gives; a statement with other values is not kept.
 */
class KeyedTemplatesTest {

  private static final Field<Object> ID = DSL.field(DSL.name("id"));
  private static final Field<Object> PARENT = DSL.field(DSL.name("parent_id"));
  private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_kept_shape_counts_as_its_statement_built_anew_for_other_keys(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.execute(
          "CREATE TABLE node (id BIGINT PRIMARY KEY, parent_id BIGINT, name VARCHAR(20))",
          "INSERT INTO node VALUES (1, NULL, 'a'), (2, 1, 'b'), (3, 1, 'c'), (4, 2, 'd'),"
              + " (5, NULL, 'e'), (6, 5, 'f'), (7, 6, 'g'), (8, NULL, 'h')");
      DSLContext dsl = dsl(db);
      KeyedTemplates templates = new KeyedTemplates();
      AtomicInteger built = new AtomicInteger();

      for (List<Object> keys :
          List.<List<Object>>of(List.of(1L, 5L), List.of(5L, 8L), List.of(2L, 9L))) {
        var rendered =
            templates
                .get(
                    dsl,
                    "two",
                    () -> {
                      built.incrementAndGet();
                      return new KeyedTemplates.Built<>(
                          counts(dsl, KeyedTemplates.params(keys)), "meta");
                    })
                .orElseThrow();
        Record kept = dsl.resultQuery(rendered.sql(), rendered.bind(keys)).fetchOne();
        Record fresh = counts(dsl, keys).fetchOne();

        assertThat(rendered.meta()).isEqualTo("meta");
        for (int i = 0; i < 3; i++) {
          assertThat(((Number) kept.get(i)).longValue())
              .as("count %d of %s", i, keys)
              .isEqualTo(((Number) fresh.get(i)).longValue());
        }
      }
      assertThat(built).hasValue(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_statement_with_a_value_besides_the_keys_is_not_kept(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = dsl(db);
      var query =
          dsl.selectCount()
              .from(DSL.table(DSL.name("node")))
              .where(ID.in(KeyedTemplates.params(List.of(1L))))
              .and(NAME.eq("a"));

      assertThat(
              new KeyedTemplates()
                  .get(dsl, "other", () -> new KeyedTemplates.Built<>(query, "meta")))
          .isEmpty();
    }
  }

  /** The rows with the keys, their children and grandchildren, each counted in one statement. */
  private static org.jooq.ResultQuery<? extends Record> counts(DSLContext dsl, List<?> keys) {
    var node = DSL.table(DSL.name("node"));
    var children = DSL.select(ID).from(node).where(PARENT.in(keys));
    return dsl.select(
        DSL.field(DSL.selectCount().from(node).where(ID.in(keys))),
        DSL.field(DSL.selectCount().from(children.asTable("c"))),
        DSL.field(DSL.selectCount().from(node).where(PARENT.in(children))));
  }

  private static DSLContext dsl(TestDatabase db) throws Exception {
    try (Connection connection = db.dataSource().getConnection()) {
      return Vendor.of(connection).dsl(db.dataSource());
    }
  }
}
