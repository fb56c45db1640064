package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A scope's counts read as any statement would be, on PostgreSQL without JIT for it alone. */
class CountReadsTest {

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_count_reads_its_one_row_with_its_binds(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.execute(
          "CREATE TABLE node (id BIGINT PRIMARY KEY)", "INSERT INTO node VALUES (1), (2), (3)");
      DSLContext dsl = dsl(db);

      List<Object> plain =
          CountReads.fetchOne(dsl, "SELECT COUNT(*), MAX(id) FROM node WHERE id > ?", 1L);
      List<Object> built =
          CountReads.fetchOne(
              dsl,
              dsl.select(DSL.count(), DSL.max(DSL.field(DSL.name("id"), Long.class)))
                  .from(DSL.table(DSL.name("node")))
                  .where(DSL.field(DSL.name("id"), Long.class).lt(3L)));

      assertThat(((Number) plain.get(0)).longValue()).isEqualTo(2);
      assertThat(((Number) plain.get(1)).longValue()).isEqualTo(3);
      assertThat(((Number) built.get(0)).longValue()).isEqualTo(2);
      assertThat(((Number) built.get(1)).longValue()).isEqualTo(2);
    }
  }

  @Test
  void on_postgresql_jit_is_off_for_the_count_and_as_before_after_it() throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      DSLContext dsl = dsl(db);
      String before = String.valueOf(dsl.fetchValue("show jit"));

      List<Object> during = CountReads.fetchOne(dsl, "select current_setting('jit'), ?", 7);

      assertThat(during.get(0)).isEqualTo("off");
      assertThat(((Number) during.get(1)).intValue()).isEqualTo(7);
      assertThat(String.valueOf(dsl.fetchValue("show jit"))).isEqualTo(before);
    }
  }

  private static DSLContext dsl(TestDatabase db) throws Exception {
    try (Connection connection = db.dataSource().getConnection()) {
      return Vendor.of(connection).dsl(db.dataSource());
    }
  }
}
