package dev.lethe.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
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

  /** Each writing transaction's start and end (microseconds), once asked; null otherwise. */
  private LongPairs spans;

  /** Each writing transaction's commit call's start and end (microseconds), kept with spans. */
  private LongPairs commits;

  /**
   * When the writing transactions ran ({@code open}, from their start to their commit's return) and
   * when each was committing ({@code committing}, its commit call: on MariaDB and PostgreSQL the
   * wait for the log's flush). A write run in auto-commit mode is open for its statement and has no
   * commit span of its own.
   */
  public record Spans(TransactionSpans open, TransactionSpans committing) {}

  /** A transaction that held its locks longer than {@link #TARGET_MILLIS}. */
  public record Held(long millis, Instant endedAt, List<String> statements) {}

  /** The longest a transaction may hold row locks: the benchmark's target. */
  public static final long TARGET_MILLIS = 250;

  /** How many transactions over the target are kept, the first of a run. */
  private static final int OVER_KEPT = 50;

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

  /**
   * Keeps, from now on until the next reset, when each writing transaction began and ended (wall
   * clock), and when its commit began: to tell what another process saw while a transaction ran, or
   * while it committed. Four longs a transaction.
   */
  public synchronized void keepSpans() {
    spans = new LongPairs();
    commits = new LongPairs();
  }

  /** The writing transactions since {@link #keepSpans}, if kept. */
  public synchronized Optional<Spans> spans() {
    if (spans == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Spans(
            TransactionSpans.of(spans.firsts(), spans.seconds()),
            TransactionSpans.of(commits.firsts(), commits.seconds())));
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
      spans = null;
      commits = null;
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
   * The statements of the longest transaction (their SQL's {@link #head}, the first {@value
   * TimedConnection#KEPT} of them), to tell what it was.
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

  /**
   * A transaction ended, after {@code nanos}, the last {@code commitNanos} of them in its commit,
   * having run {@code ran}.
   */
  synchronized void record(long nanos, long commitNanos, List<String> ran) {
    if (ran.isEmpty()) {
      return;
    }
    transactions.recordValue(Math.max(1, nanos / 1_000));
    Instant now = Instant.now();
    if (spans != null) {
      long endMicros = TransactionSpans.micros(now);
      spans.add(endMicros - nanos / 1_000, endMicros);
      if (commitNanos > 0) {
        commits.add(endMicros - commitNanos / 1_000, endMicros);
      }
    }
    if (nanos > longestNanos.get()) {
      longestNanos.set(nanos);
      longestStatements = List.copyOf(ran);
      longestEndedAt = now;
    }
    if (nanos > TARGET_MILLIS * 1_000_000 && overTarget.size() < OVER_KEPT) {
      overTarget.add(new Held(nanos / 1_000_000, now, List.copyOf(ran)));
    }
  }

  /** A statement ran in auto-commit mode, in {@code nanos}. */
  void recordAutoCommit(String sql, long nanos) {
    if (isRead(sql)) {
      longestReadNanos.accumulateAndGet(nanos, Math::max);
    } else {
      record(nanos, 0, List.of(sql));
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
    return TimedConnection.wrap(connection, this);
  }

  /** A statement ran, in {@code nanos}: counted, and its time added to its SQL's. */
  void executed(String sql, long nanos) {
    statements.incrementAndGet();
    long[] acc = bySql.computeIfAbsent(summary(sql), k -> new long[2]);
    synchronized (acc) {
      acc[0]++;
      acc[1] += nanos;
    }
  }

  /**
   * A statement's SQL as {@link #bySql} keys it: its {@link #head}, and for statements chained in
   * one ({@code a;\nb;\nc}) how many there were, so that chains that begin alike but differ in
   * length are counted apart.
   */
  static String summary(String sql) {
    int chained = TimedConnection.chainedCount(sql);
    return chained == 1 ? head(sql) : "[" + chained + " chained] " + head(sql);
  }

  /** How many characters of a statement name it. */
  static final int HEAD = 160;

  /** The first {@value #HEAD} characters of {@code sql}: enough to name a statement. */
  static String head(String sql) {
    return sql.length() > HEAD ? sql.substring(0, HEAD) : sql;
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
