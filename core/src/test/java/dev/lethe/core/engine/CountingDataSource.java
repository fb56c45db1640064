package dev.lethe.core.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A data source that counts commits and keeps the SQL it was given, each statement marked as sent
 * alone or with others (in a JDBC batch, or as one of a statement of many, separated by {@code
 * ";\n"}); it fails every JDBC batch and statement of many while asked to, as a connection lost in
 * mid-page, or every statement containing a given text.
 */
public final class CountingDataSource {

  /**
   * One statement sent: its SQL (lower case), whether others went with it, the call that sent it
   * (the statements of one round trip share it), and how many commits came before it (a
   * transaction's statements share it, while one thread writes).
   */
  public record Sent(String sql, boolean batched, int call, int commitsBefore) {}

  private final AtomicInteger calls = new AtomicInteger();

  final AtomicInteger commits = new AtomicInteger();
  final AtomicBoolean failBatches = new AtomicBoolean();

  /** While set, every statement whose SQL (lower case) contains it fails, as a connection lost. */
  final AtomicReference<String> failOn = new AtomicReference<>();

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  public CountingDataSource(DataSource delegate) {
    dataSource = proxy(DataSource.class, delegate, this::wrap);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** How many times {@code Connection.commit} was called. */
  public int commits() {
    return commits.get();
  }

  /** The statements sent whose SQL contains every one of {@code words} (lower case). */
  List<Sent> containing(String... words) {
    return sent.stream().filter(s -> List.of(words).stream().allMatch(s.sql()::contains)).toList();
  }

  private Object wrap(Object result) {
    if (result instanceof Connection connection) {
      return proxy(Connection.class, connection, this::wrap);
    }
    if (result instanceof Statement statement) {
      return proxy(Statement.class, statement, r -> r);
    }
    return result;
  }

  private <T> T proxy(Class<T> type, T target, UnaryOperator<Object> wrap) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            target instanceof java.sql.PreparedStatement
                ? new Class<?>[] {java.sql.PreparedStatement.class}
                : new Class<?>[] {type},
            (p, method, args) -> {
              String name = method.getName();
              if (name.equals("commit")) {
                commits.incrementAndGet();
              }
              if (name.equals("executeBatch") && failBatches.get()) {
                throw new SQLException("connection lost");
              }
              if (args != null && args.length > 0 && args[0] instanceof String sql) {
                String failing = failOn.get();
                if (failing != null && sql.toLowerCase(Locale.ROOT).contains(failing)) {
                  throw new SQLException("connection lost");
                }
                List<String> parts = List.of(sql.toLowerCase(Locale.ROOT).split(";\n"));
                boolean many = parts.size() > 1;
                switch (name) {
                  case "addBatch" ->
                      sent.add(new Sent(parts.getFirst(), true, calls.get(), commits.get()));
                  case "prepareStatement", "execute", "executeUpdate", "executeQuery" -> {
                    if (many && failBatches.get()) {
                      throw new SQLException("connection lost");
                    }
                    int call = calls.incrementAndGet();
                    parts.forEach(part -> sent.add(new Sent(part, many, call, commits.get())));
                  }
                  default -> {}
                }
              }
              try {
                return wrap.apply(method.invoke(target, args));
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
