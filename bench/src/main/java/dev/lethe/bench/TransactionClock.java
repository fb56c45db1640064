package dev.lethe.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * A data source that times every transaction run through it: from {@code setAutoCommit(false)} (or
 * the previous commit) to the commit or rollback, and every statement run in auto-commit mode. It
 * keeps the longest, which is how long a contestant held row locks at most. A read run in
 * auto-commit mode ({@code SELECT} or {@code WITH}, not {@code FOR UPDATE}) takes no row locks: it
 * is kept apart, as the longest read.
 */
public final class TransactionClock implements DataSource {

  private final DataSource delegate;
  private final AtomicLong longestNanos = new AtomicLong();
  private final AtomicLong longestReadNanos = new AtomicLong();
  private volatile List<String> longestStatements = List.of();
  private final AtomicLong statements = new AtomicLong();
  private final Map<String, long[]> bySql = new ConcurrentHashMap<>();
  private final Histogram transactions = new Histogram(3);
  private volatile Instant longestEndedAt;
  private final List<Held> overTarget = new ArrayList<>();

  /** A transaction that held its locks longer than {@link #TARGET_MILLIS}. */
  public record Held(long millis, Instant endedAt, List<String> statements) {}

  /** The longest a transaction may hold row locks: the benchmark's target. */
  public static final long TARGET_MILLIS = 250;

  /** How many transactions over the target are kept, the first of a run. */
  private static final int OVER_KEPT = 50;

  private static final Pattern CHAINED = Pattern.compile(";\n");

  /**
   * Per SQL text (its first 160 characters, with how many statements it chains; see {@link
   * #summary}): how many times it ran and the nanoseconds it took in all, since the last reset. SQL
   * texts hold bind markers, never values.
   */
  public Map<String, long[]> bySql() {
    return bySql;
  }

  public TransactionClock(DataSource delegate) {
    this.delegate = delegate;
  }

  /** Forgets what was measured so far. */
  public void reset() {
    longestNanos.set(0);
    longestReadNanos.set(0);
    longestStatements = List.of();
    statements.set(0);
    bySql.clear();
    synchronized (this) {
      transactions.reset();
      longestEndedAt = null;
      overTarget.clear();
    }
  }

  /**
   * The writing transactions (and writes in auto-commit mode) timed since the last reset, in
   * microseconds: how many there were and how their times spread, beyond the longest.
   */
  public synchronized Histogram transactionMicros() {
    return transactions.copy();
  }

  /** When the longest transaction ended (wall clock), to line it up with the database's state. */
  public Optional<Instant> longestEndedAt() {
    return Optional.ofNullable(longestEndedAt);
  }

  /** Statements executed (each a round trip to the database) since the last reset. */
  public long statements() {
    return statements.get();
  }

  public long longestMillis() {
    return longestNanos.get() / 1_000_000;
  }

  /** The longest read run in auto-commit mode (it held no row locks). */
  public long longestReadMillis() {
    return longestReadNanos.get() / 1_000_000;
  }

  /**
   * The statements of the longest transaction (their SQL's first 160 characters, the first {@value
   * #KEPT} of them), to tell what it was.
   */
  public List<String> longestStatements() {
    return longestStatements;
  }

  /**
   * The transactions that held their locks longer than {@link #TARGET_MILLIS} since the last reset
   * (the first {@value #OVER_KEPT}), in the order they ended.
   */
  public synchronized List<Held> overTarget() {
    return List.copyOf(overTarget);
  }

  private static final int KEPT = 20;

  private synchronized void record(long nanos, List<String> ran) {
    if (ran.isEmpty()) {
      return;
    }
    transactions.recordValue(Math.max(1, nanos / 1_000));
    if (nanos > longestNanos.get()) {
      longestNanos.set(nanos);
      longestStatements = List.copyOf(ran);
      longestEndedAt = Instant.now();
    }
    if (nanos > TARGET_MILLIS * 1_000_000 && overTarget.size() < OVER_KEPT) {
      overTarget.add(new Held(nanos / 1_000_000, Instant.now(), List.copyOf(ran)));
    }
  }

  private void recordAutoCommit(String sql, long nanos) {
    if (isRead(sql)) {
      longestReadNanos.accumulateAndGet(nanos, Math::max);
    } else {
      record(nanos, List.of(sql));
    }
  }

  static boolean isRead(String sql) {
    String text = sql.strip().toLowerCase(Locale.ROOT);
    boolean read =
        text.startsWith("select")
            || (text.startsWith("with")
                && !text.contains("delete ")
                && !text.contains("update ")
                && !text.contains("insert "));
    return read && !text.contains(" for update") && !text.contains(" for share");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return timed(delegate.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return timed(delegate.getConnection(username, password));
  }

  private Connection timed(Connection connection) throws SQLException {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new ConnectionTimer(connection));
  }

  /** Follows one connection's transactions. */
  private final class ConnectionTimer implements InvocationHandler {
    private final Connection connection;
    private boolean autoCommit;
    private long openedAt;
    private final List<String> ran = new ArrayList<>();

    ConnectionTimer(Connection connection) throws SQLException {
      this.connection = connection;
      this.autoCommit = connection.getAutoCommit();
      this.openedAt = System.nanoTime();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("setAutoCommit")) {
        boolean on = (Boolean) args[0];
        Object result = call(connection, method, args);
        if (on && !autoCommit) {
          record(System.nanoTime() - openedAt, ran);
        } else if (!on && autoCommit) {
          openedAt = System.nanoTime();
        }
        ran.clear();
        autoCommit = on;
        return result;
      }
      if ((name.equals("commit") || name.equals("rollback")) && !autoCommit) {
        Object result = call(connection, method, args);
        long now = System.nanoTime();
        record(now - openedAt, ran);
        openedAt = now;
        ran.clear();
        return result;
      }
      Object result = call(connection, method, args);
      if (result instanceof Statement statement
          && (name.startsWith("create") || name.startsWith("prepare"))) {
        return statementProxy(
            statement,
            method.getReturnType(),
            args != null && args.length > 0 ? String.valueOf(args[0]) : "");
      }
      return result;
    }

    private Object statementProxy(Statement statement, Class<?> type, String sql) {
      List<String> batch = new ArrayList<>();
      return Proxy.newProxyInstance(
          Statement.class.getClassLoader(),
          new Class<?>[] {type},
          (proxy, method, args) -> {
            if (method.getName().equals("addBatch")
                && args != null
                && args[0] instanceof String b) {
              batch.add(b.length() > 160 ? b.substring(0, 160) : b);
            }
            if (!method.getName().startsWith("execute")) {
              return call(statement, method, args);
            }
            statements.incrementAndGet();
            long started = System.nanoTime();
            try {
              return call(statement, method, args);
            } finally {
              long took = System.nanoTime() - started;
              String key =
                  sql.isEmpty() && args != null && args.length > 0 ? String.valueOf(args[0]) : sql;
              long[] acc = bySql.computeIfAbsent(summary(key), k -> new long[2]);
              synchronized (acc) {
                acc[0]++;
                acc[1] += took;
              }
              if (autoCommit) {
                recordAutoCommit(key, took);
              } else {
                // a batch's statements, or those chained in one prepared statement
                if (ran.size() < KEPT) {
                  for (String one : key.isEmpty() ? batch : List.of(CHAINED.split(key, KEPT))) {
                    if (ran.size() < KEPT) {
                      ran.add(one.length() > 160 ? one.substring(0, 160) : one);
                    }
                  }
                }
              }
              if (method.getName().equals("executeBatch")) {
                batch.clear();
              }
            }
          });
    }
  }

  /**
   * A statement's SQL as {@link #bySql} keys it: its first 160 characters, and for statements
   * chained in one ({@code a;\nb;\nc}) how many there were, so that chains that begin alike but
   * differ in length are counted apart.
   */
  static String summary(String sql) {
    String head = sql.length() > 160 ? sql.substring(0, 160) : sql;
    int chained = 1;
    for (int at = sql.indexOf(";\n"); at >= 0; at = sql.indexOf(";\n", at + 2)) {
      chained++;
    }
    return chained == 1 ? head : "[" + chained + " chained] " + head;
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return delegate.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
