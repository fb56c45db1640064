package dev.lethe.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Follows one connection's transactions for a {@link TransactionClock}: when each began and ended,
 * and the statements it ran; every statement's time, and those run in auto-commit mode apart.
 */
final class TimedConnection implements InvocationHandler {

  /** How many statements of a transaction are kept to name it. */
  static final int KEPT = 20;

  /** What separates the statements chained in one ({@code a;\nb;\nc}). */
  private static final String CHAINED = ";\n";

  private final Connection connection;
  private final TransactionClock clock;
  private boolean autoCommit;
  private long openedAt;
  private final List<String> ran = new ArrayList<>();

  private TimedConnection(Connection connection, TransactionClock clock) throws SQLException {
    this.connection = connection;
    this.clock = clock;
    this.autoCommit = connection.getAutoCommit();
    this.openedAt = System.nanoTime();
  }

  /** {@code connection}, its transactions and statements timed by {@code clock}. */
  static Connection wrap(Connection connection, TransactionClock clock) throws SQLException {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new TimedConnection(connection, clock));
  }

  /**
   * The {@link TransactionClock#head heads} of the statements chained in {@code sql} ({@code
   * a;\nb;\nc}), of at most {@code most} of them. Only the heads are copied: a page's chain is
   * kilobytes long, and it is cut up after each time it runs, inside the time a contestant is
   * timed.
   */
  static List<String> chainedHeads(String sql, int most) {
    List<String> heads = new ArrayList<>();
    int from = 0;
    while (heads.size() < most) {
      int end = sql.indexOf(CHAINED, from);
      int last = end < 0 ? sql.length() : end;
      heads.add(sql.substring(from, Math.min(last, from + TransactionClock.HEAD)));
      if (end < 0) {
        break;
      }
      from = end + CHAINED.length();
    }
    return heads;
  }

  /** How many statements {@code sql} chains, without cutting it up. */
  static int chainedCount(String sql) {
    int count = 1;
    for (int at = sql.indexOf(CHAINED); at >= 0; at = sql.indexOf(CHAINED, at + 1)) {
      count++;
    }
    return count;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("setAutoCommit")) {
      boolean on = (Boolean) args[0];
      long called = System.nanoTime();
      Object result = call(connection, method, args);
      if (on && !autoCommit) {
        long now = System.nanoTime();
        clock.record(now - openedAt, now - called, ran);
      } else if (!on && autoCommit) {
        openedAt = System.nanoTime();
      }
      ran.clear();
      autoCommit = on;
      return result;
    }
    if ((name.equals("commit") || name.equals("rollback")) && !autoCommit) {
      long called = System.nanoTime();
      Object result = call(connection, method, args);
      long now = System.nanoTime();
      clock.record(now - openedAt, now - called, ran);
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
          if (method.getName().equals("addBatch") && args != null && args[0] instanceof String b) {
            batch.add(TransactionClock.head(b));
          }
          if (!method.getName().startsWith("execute")) {
            return call(statement, method, args);
          }
          long started = System.nanoTime();
          try {
            return call(statement, method, args);
          } finally {
            long took = System.nanoTime() - started;
            String key =
                sql.isEmpty() && args != null && args.length > 0 ? String.valueOf(args[0]) : sql;
            // a batch of texts added one by one is named by how many and its first
            String named = key.isEmpty() && !batch.isEmpty() ? batched(batch) : key;
            clock.executed(named, took);
            if (autoCommit) {
              clock.recordAutoCommit(named, took);
            } else if (ran.size() < KEPT) {
              // a batch's statements, or those chained in one prepared statement
              for (String one : key.isEmpty() ? batch : chainedHeads(key, KEPT - ran.size())) {
                if (ran.size() < KEPT) {
                  ran.add(one);
                }
              }
            }
            if (method.getName().equals("executeBatch")) {
              batch.clear();
            }
          }
        });
  }

  /**
   * How a batch of statements added as texts is named: how many, and the first one's head without
   * its values (a batch's values are written into its texts, which then differ page by page).
   */
  static String batched(List<String> heads) {
    return "[" + heads.size() + " batched] " + withoutValues(heads.getFirst());
  }

  private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'?");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w`])-?[0-9][0-9.eE+-]*(?![\\w`])");
  private static final Pattern LIST = Pattern.compile("\\?(?:\\s*,\\s*\\?)+");

  /**
   * {@code sql} with its quoted strings and numbers written as {@code ?}, and a list of them as
   * {@code ?, …}: a text with values written in, named without them.
   */
  static String withoutValues(String sql) {
    String marked = QUOTED.matcher(sql).replaceAll("?");
    marked = NUMBER.matcher(marked).replaceAll("?");
    return LIST.matcher(marked).replaceAll("?, …");
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
