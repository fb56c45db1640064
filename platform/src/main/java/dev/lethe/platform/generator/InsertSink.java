package dev.lethe.platform.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * MariaDB and H2: prepared inserts in batches of about a thousand rows. On MariaDB one statement
 * carries the whole batch ({@code INSERT … VALUES (…), (…), …}), since its driver does not rewrite
 * batches; on H2 the rows go as a JDBC batch of one-row inserts.
 */
final class InsertSink extends RowSink {

  private static final int MAX_PARAMETERS = 30_000;
  private static final int COMMIT_EVERY_BATCHES = 20;

  private final Connection connection;
  private final String insertPrefix;
  private final String rowPlaceholders;
  private final int columns;
  private final int batchRows;
  private final Target target;
  private final boolean multiRow;
  private final Object[] pending;
  private int pendingRows;
  private int batchesSinceCommit;
  private PreparedStatement fullBatch;

  InsertSink(
      Connection connection,
      Target target,
      String table,
      String[] columns,
      long expected,
      PlatformGenerator.Progress progress) {
    super(table, expected, progress);
    this.connection = connection;
    this.target = target;
    this.multiRow = target == Target.MARIADB;
    this.columns = columns.length;
    this.insertPrefix = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
    String[] marks = new String[columns.length];
    Arrays.fill(marks, "?");
    this.rowPlaceholders = "(" + String.join(", ", marks) + ")";
    this.batchRows = Math.min(1000, MAX_PARAMETERS / columns.length);
    this.pending = new Object[batchRows * columns.length];
  }

  @Override
  void write(Object[] values) throws SQLException {
    System.arraycopy(values, 0, pending, pendingRows * columns, columns);
    pendingRows++;
    if (pendingRows == batchRows) {
      flush();
    }
  }

  private void flush() throws SQLException {
    if (pendingRows == 0) {
      return;
    }
    if (multiRow) {
      flushMultiRow();
    } else {
      flushJdbcBatch();
    }
    pendingRows = 0;
    if (++batchesSinceCommit == COMMIT_EVERY_BATCHES) {
      connection.commit();
      batchesSinceCommit = 0;
    }
  }

  private void flushMultiRow() throws SQLException {
    boolean full = pendingRows == batchRows;
    PreparedStatement statement = full ? fullBatchStatement() : prepare(pendingRows);
    try {
      for (int i = 0; i < pendingRows * columns; i++) {
        statement.setObject(i + 1, target.bindable(pending[i]));
      }
      statement.executeUpdate();
    } finally {
      if (!full) {
        statement.close();
      }
    }
  }

  private void flushJdbcBatch() throws SQLException {
    PreparedStatement statement = fullBatchStatement();
    for (int row = 0; row < pendingRows; row++) {
      for (int c = 0; c < columns; c++) {
        statement.setObject(c + 1, target.bindable(pending[row * columns + c]));
      }
      statement.addBatch();
    }
    statement.executeBatch();
  }

  private PreparedStatement fullBatchStatement() throws SQLException {
    if (fullBatch == null) {
      fullBatch = prepare(multiRow ? batchRows : 1);
    }
    return fullBatch;
  }

  private PreparedStatement prepare(int rows) throws SQLException {
    StringBuilder sql =
        new StringBuilder(insertPrefix.length() + rows * (rowPlaceholders.length() + 1));
    sql.append(insertPrefix);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",").append(rowPlaceholders);
    }
    return connection.prepareStatement(sql.toString());
  }

  @Override
  void finish() throws SQLException {
    flush();
    if (fullBatch != null) {
      fullBatch.close();
    }
    connection.commit();
  }
}
