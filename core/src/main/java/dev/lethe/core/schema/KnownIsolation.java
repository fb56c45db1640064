package dev.lethe.core.schema;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Connections that know their isolation level without asking the database. jOOQ 3.21 asks for it at
 * the start of every transaction (jOOQ issue 20135), and PostgreSQL's driver answers with a query
 * of its own ({@code SHOW TRANSACTION ISOLATION LEVEL}): a hidden round trip per page of an erasure
 * and per request taken in. Lethe never changes the level, so it is read once, from the first
 * connection; a connection whose level is set answers the level set.
 */
final class KnownIsolation implements ConnectionProvider {

  private final DataSource dataSource;
  private volatile Integer level;

  KnownIsolation(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection acquire() {
    try {
      Connection connection = dataSource.getConnection();
      Integer known = level;
      if (known == null) {
        known = connection.getTransactionIsolation();
        level = known;
      }
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              new Answering(connection, known));
    } catch (SQLException e) {
      throw new DataAccessException("Error getting connection from data source", e);
    }
  }

  @Override
  public void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new DataAccessException("Error closing connection", e);
    }
  }

  /** Answers the isolation level itself; everything else goes to the connection. */
  private static final class Answering implements InvocationHandler {
    private final Connection connection;
    private int level;

    Answering(Connection connection, int level) {
      this.connection = connection;
      this.level = level;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "getTransactionIsolation" -> {
          return level;
        }
        case "setTransactionIsolation" -> {
          connection.setTransactionIsolation((Integer) args[0]);
          level = (Integer) args[0];
          return null;
        }
        default -> {
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }
      }
    }
  }
}
