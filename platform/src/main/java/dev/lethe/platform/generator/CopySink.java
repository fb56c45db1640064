package dev.lethe.platform.generator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** PostgreSQL: streams rows through {@code COPY … FROM STDIN} in text format. */
final class CopySink extends RowSink {

  private static final int FLUSH_AT = 1 << 16;

  private final Connection connection;
  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);

  CopySink(
      Connection connection,
      String table,
      String[] columns,
      long expected,
      PlatformGenerator.Progress progress)
      throws SQLException {
    super(table, expected, progress);
    this.connection = connection;
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
  }

  @Override
  void write(Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        buffer.append('\t');
      }
      append(values[i]);
    }
    buffer.append('\n');
    if (buffer.length() >= FLUSH_AT) {
      flush();
    }
  }

  private void append(Object value) {
    switch (value) {
      case null -> buffer.append("\\N");
      case String text -> escape(text);
      case Instant instant -> Timestamps.appendUtc(buffer, instant.getEpochSecond()).append("+00");
      case Long number -> buffer.append(number.longValue());
      case Integer number -> buffer.append(number.intValue());
      case BigDecimal number -> buffer.append(number.toPlainString());
      case LocalDate date -> buffer.append(date);
      default -> throw new IllegalArgumentException("unsupported value type " + value.getClass());
    }
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        case '\t' -> buffer.append("\\t");
        default -> buffer.append(c);
      }
    }
  }

  private void flush() throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  @Override
  void finish() throws SQLException {
    flush();
    copy.endCopy();
    connection.commit();
  }
}
