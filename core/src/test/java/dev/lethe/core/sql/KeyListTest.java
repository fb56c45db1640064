package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A column among keys selects the same rows on every database, whether its statement binds the keys
 * or inlines them (as a page's batch does); on PostgreSQL a statement that binds them binds one
 * array.
 */
class KeyListTest {

  private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID THIRD = UUID.fromString("00000000-0000-0000-0000-000000000003");

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void keys_select_the_same_rows_bound_or_inlined(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      boolean maria = kind == TestDatabase.Kind.MARIADB;
      db.execute(
          "CREATE TABLE k (id BIGINT PRIMARY KEY, code VARCHAR(20), ref "
              + (maria ? "CHAR(36)" : "UUID")
              + ")",
          "INSERT INTO k VALUES (1, 'a''1', '"
              + FIRST
              + "'), (2, 'b', NULL), (3, 'c', '"
              + THIRD
              + "'), (4, NULL, NULL)");
      DSLContext dsl = Vendor.valueOf(kind.name()).dsl(db.dataSource());
      Field<Object> id = column("id", SQLDataType.BIGINT);
      Field<Object> code = column("code", SQLDataType.VARCHAR);
      Field<Object> ref = column("ref", maria ? SQLDataType.VARCHAR : SQLDataType.UUID);
      Object first = maria ? FIRST.toString() : FIRST;
      Object third = maria ? THIRD.toString() : THIRD;

      assertThat(ids(dsl, KeyList.among(id, List.of(1L, 3L, 99L)))).containsExactly(1L, 3L);
      assertThat(ids(dsl, KeyList.among(code, List.of("a'1", "c", "zz")))).containsExactly(1L, 3L);
      assertThat(ids(dsl, KeyList.among(ref, List.of(first, third)))).containsExactly(1L, 3L);
      assertThat(ids(dsl, KeyList.among(id, List.of(2L)))).containsExactly(2L);
      assertThat(ids(dsl, KeyList.among(id, List.of(1L, 3L)).not())).containsExactly(2L, 4L);

      var delete =
          dsl.deleteFrom(DSL.table(DSL.name("k"))).where(KeyList.among(id, List.of(1L, 3L)));
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        assertThat(dsl.render(delete)).contains("= any (cast(? as bigint[]))");
      } else {
        assertThat(dsl.render(delete)).contains(" in (").doesNotContain("any");
      }
      assertThat(dsl.renderInlined(delete)).contains(" in (1, 3)");
      assertThat(delete.execute()).isEqualTo(2);
    }
  }

  @SuppressWarnings("unchecked")
  private static Field<Object> column(String name, DataType<?> type) {
    return (Field<Object>) DSL.field(DSL.name("k", name), type);
  }

  /** The ids the condition selects, once with its keys bound and once inlined. */
  private static List<Long> ids(DSLContext dsl, Condition where) {
    var select =
        dsl.select(DSL.field(DSL.name("k", "id"), Long.class))
            .from(DSL.table(DSL.name("k")))
            .where(where)
            .orderBy(1);
    List<Long> bound = select.fetch(0, Long.class);
    List<Long> inlined =
        dsl.connectionResult(
            c -> {
              List<Long> ids = new ArrayList<>();
              try (var statement = c.createStatement();
                  var rows = statement.executeQuery(select.getSQL(ParamType.INLINED))) {
                while (rows.next()) {
                  ids.add(rows.getLong(1));
                }
              }
              return ids;
            });
    assertThat(inlined).isEqualTo(bound);
    return bound;
  }
}
