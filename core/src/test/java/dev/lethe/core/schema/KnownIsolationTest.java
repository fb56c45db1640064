package dev.lethe.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * jOOQ's transactions ask their connection for its isolation level; the connections Lethe hands
 * jOOQ answer without asking the driver (a round trip on PostgreSQL) after the first time, and
 * transactions still commit and roll back.
 */
class KnownIsolationTest {

  private final AtomicInteger asked = new AtomicInteger();
  private final DSLContext dsl = Vendor.H2.dsl(counting(h2()));

  @Test
  void the_driver_is_asked_for_the_isolation_level_once_whatever_the_number_of_transactions() {
    dsl.execute("CREATE TABLE t (id INT PRIMARY KEY)");
    for (int i = 0; i < 20; i++) {
      int id = i;
      dsl.transaction(c -> c.dsl().execute("INSERT INTO t VALUES (?)", id));
    }

    assertThat(dsl.fetchCount(DSL.table("t"))).isEqualTo(20);
    assertThat(asked).hasValue(1);
  }

  @Test
  void a_transaction_that_fails_is_rolled_back() {
    dsl.execute("CREATE TABLE u (id INT PRIMARY KEY)");
    assertThatThrownBy(
            () ->
                dsl.transaction(
                    c -> {
                      c.dsl().execute("INSERT INTO u VALUES (1)");
                      c.dsl().execute("INSERT INTO u VALUES (1)");
                    }))
        .hasMessageContaining("PRIMARY KEY");

    assertThat(dsl.fetchCount(DSL.table("u"))).isZero();
  }

  @Test
  void a_connection_whose_level_is_set_answers_the_level_set() {
    dsl.connection(
        c -> {
          c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
          assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        });
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** A data source whose connections count how often they are asked for their isolation level. */
  private DataSource counting(DataSource target) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = method.invoke(target, args);
              if (!method.getName().equals("getConnection")) {
                return result;
              }
              Connection connection = (Connection) result;
              return Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    if (m.getName().equals("getTransactionIsolation")) {
                      asked.incrementAndGet();
                    }
                    return m.invoke(connection, a);
                  });
            });
  }
}
