package dev.lethe.platform.generator;

import java.sql.SQLException;

/**
 * Writes the rows of one table as fast as its database allows, holding at most one batch in memory.
 * Values are {@code Long}, {@code Integer}, {@code String}, {@code BigDecimal}, {@code Instant} (a
 * moment, stored in UTC), {@code LocalDate} or null.
 */
abstract class RowSink implements AutoCloseable {

  private static final long PROGRESS_EVERY = 100_000;

  private final String table;
  private final long expected;
  private final PlatformGenerator.Progress progress;
  private long written;

  RowSink(String table, long expected, PlatformGenerator.Progress progress) {
    this.table = table;
    this.expected = expected;
    this.progress = progress;
  }

  final void row(Object... values) {
    try {
      write(values);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write a row of " + table, e);
    }
    written++;
    if (written % PROGRESS_EVERY == 0 && written != expected) {
      progress.rows(table, written, expected);
    }
  }

  abstract void write(Object[] values) throws SQLException;

  abstract void finish() throws SQLException;

  final String table() {
    return table;
  }

  final long written() {
    return written;
  }

  @Override
  public final void close() {
    try {
      finish();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot finish writing " + table, e);
    }
    if (written != expected) {
      throw new IllegalStateException(
          "wrote " + written + " rows of " + table + " where " + expected + " were planned");
    }
    progress.rows(table, written, expected);
  }
}
