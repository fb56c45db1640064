package dev.lethe.server.console.privacy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values read from the host's tables as the privacy pages show them. */
final class HostValues {

  private HostValues() {}

  /** A name shown only by its first letter. */
  static String masked(Object name) {
    String text = name == null ? "" : String.valueOf(name).strip();
    return text.isEmpty() ? "" : text.charAt(0) + "…";
  }

  /** A message body cut to its first 120 characters. */
  static String abbreviated(Object body) {
    String text = body == null ? "" : String.valueOf(body);
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  /** A time column's value as an instant, whichever type the driver returned. */
  static Instant instant(Object time) {
    return switch (time) {
      case null -> null;
      case OffsetDateTime t -> t.toInstant();
      case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
      case java.sql.Timestamp t -> t.toInstant();
      case Instant t -> t;
      default -> null;
    };
  }
}
