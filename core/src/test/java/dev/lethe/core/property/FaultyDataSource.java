package dev.lethe.core.property;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source whose connection dies once, at the N-th statement execution or commit counted from
 * when it is armed: the connection is closed (its open transaction rolled back, as when the server
 * kills it) and the call fails. The fault strikes either before the call reaches the database or
 * after it did (so a commit may have happened although the caller sees an error).
 */
final class FaultyDataSource {

  /** When the fault strikes, relative to the call it interrupts. */
  enum Timing {
    BEFORE,
    AFTER
  }

  private final DataSource delegate;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile int failAt = Integer.MAX_VALUE;
  private volatile Timing timing = Timing.BEFORE;
  private volatile boolean struck;

  FaultyDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  DataSource dataSource() {
    return proxy(DataSource.class, delegate, null);
  }

  /** Starts counting; the {@code n}-th counted call from now fails. */
  void arm(int n, Timing timing) {
    calls.set(0);
    this.timing = timing;
    this.failAt = n;
  }

  /** Starts counting without failing. */
  void count() {
    arm(Integer.MAX_VALUE, Timing.BEFORE);
  }

  int calls() {
    return calls.get();
  }

  boolean struck() {
    return struck;
  }

  private <T> T proxy(Class<T> type, Object target, Connection connection) {
    InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args, connection);
    return type.cast(
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
  }

  private Object invoke(Object target, Method method, Object[] args, Connection connection)
      throws Throwable {
    boolean counted =
        (target instanceof Statement && method.getName().startsWith("execute"))
            || (target instanceof Connection && method.getName().equals("commit"));
    boolean strike = counted && calls.incrementAndGet() == failAt;
    if (strike && timing == Timing.BEFORE) {
      kill(target instanceof Connection c ? c : connection);
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (strike) {
      kill(target instanceof Connection c ? c : connection);
    }
    return wrap(result, target instanceof Connection c ? c : connection);
  }

  private void kill(Connection connection) throws SQLException {
    struck = true;
    connection.close();
    throw new SQLException("connection killed by the test (call " + failAt + ")", "08006");
  }

  private Object wrap(Object result, Connection connection) {
    return switch (result) {
      case CallableStatement s -> proxy(CallableStatement.class, s, connection);
      case PreparedStatement s -> proxy(PreparedStatement.class, s, connection);
      case Statement s -> proxy(Statement.class, s, connection);
      case Connection c -> proxy(Connection.class, c, c);
      case null, default -> result;
    };
  }
}
