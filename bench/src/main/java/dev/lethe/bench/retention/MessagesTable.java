package dev.lethe.bench.retention;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The reference platform's {@code messages} table as the scenario sees it: filled afresh before
 * each contestant, written to by the steady writer, and counted before and after a purge.
 */
final class MessagesTable {

  /** What the table holds at the start of a contestant's run. */
  record Census(long aged, long recent, long maxId, long agedAttachments) {}

  /** What is left after a purge, and whether it is exactly what should be. */
  record Check(long agedLeft, long recentLeft, long writerRows, boolean passed) {}

  private final DataSource dataSource;
  private final Vendor vendor;
  private final Instant cutoff;
  private NewMessages newMessages;

  MessagesTable(DataSource dataSource, Vendor vendor, Instant cutoff) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.cutoff = cutoff;
  }

  Instant cutoff() {
    return cutoff;
  }

  /** Drops and re-creates the reference platform, fills it, and counts the messages. */
  Census refill(PlatformGenerator.Sizes sizes) throws SQLException {
    ReferencePlatform.dropSchema(dataSource);
    ReferencePlatform.createSchema(dataSource);
    new PlatformGenerator(sizes, 42, PlatformGenerator.REFERENCE_NOW).generate(dataSource);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          vendor == Vendor.POSTGRESQL
              ? "ANALYZE messages, attachments"
              : "ANALYZE TABLE messages, attachments");
      try (ResultSet newest =
          s.executeQuery(
              "SELECT workspace_id, id FROM conversations ORDER BY started_at DESC, id LIMIT 1")) {
        newest.next();
        newMessages = new NewMessages(vendor, newest.getLong(1), newest.getLong(2));
      }
    }
    return new Census(
        count("SELECT COUNT(*) FROM messages WHERE created_at < ?", cutoffValue()),
        count("SELECT COUNT(*) FROM messages WHERE created_at >= ?", cutoffValue()),
        count("SELECT COALESCE(MAX(id), 0) FROM messages"),
        count(
            "SELECT COUNT(*) FROM attachments a JOIN messages m ON m.id = a.message_id"
                + " WHERE m.created_at < ?",
            cutoffValue()));
  }

  /** Checks that no aged message is left and every other one is. */
  Check check(Census before, long writerInserted) throws SQLException {
    long agedLeft = count("SELECT COUNT(*) FROM messages WHERE created_at < ?", cutoffValue());
    long recentLeft =
        count(
            "SELECT COUNT(*) FROM messages WHERE created_at >= ? AND id <= ?",
            cutoffValue(),
            before.maxId());
    long writerRows = count("SELECT COUNT(*) FROM messages WHERE id > ?", before.maxId());
    return new Check(
        agedLeft,
        recentLeft,
        writerRows,
        agedLeft == 0 && recentLeft == before.recent() && writerRows == writerInserted);
  }

  /** What the steady writer inserts into the table as last refilled. */
  NewMessages newMessages() {
    if (newMessages == null) {
      throw new IllegalStateException("the table is not filled yet");
    }
    return newMessages;
  }

  /** The cutoff as a SQL literal in UTC, for tools given a WHERE clause as text. */
  String cutoffLiteral() {
    return "'" + Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)) + "'";
  }

  Object cutoffValue() {
    return NewMessages.timeValue(vendor, cutoff);
  }

  private long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
