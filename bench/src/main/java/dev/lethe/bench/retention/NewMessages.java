package dev.lethe.bench.retention;

import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.generator.PlatformGenerator;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The messages the steady writer inserts: new ones, in the newest conversation of the platform as
 * filled for the current contestant.
 */
record NewMessages(Vendor vendor, long workspaceId, long conversationId) {

  static final String INSERT =
      "INSERT INTO messages (workspace_id, conversation_id, direction, sender_type, body,"
          + " created_at) VALUES (?, ?, 'in', 'contact', ?, ?)";

  /** Binds the {@code n}th message. */
  void bind(PreparedStatement insert, long n) throws SQLException {
    insert.setLong(1, workspaceId);
    insert.setLong(2, conversationId);
    insert.setString(3, "Is my order on its way? (" + n + ")");
    insert.setObject(4, timeValue(vendor, PlatformGenerator.REFERENCE_NOW));
  }

  /** MariaDB's DATETIME holds UTC wall time; PostgreSQL's TIMESTAMPTZ an instant. */
  static Object timeValue(Vendor vendor, Instant instant) {
    return vendor == Vendor.POSTGRESQL
        ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
        : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** As arguments of the writer's own process. */
  List<String> arguments() {
    return List.of(vendor.name(), String.valueOf(workspaceId), String.valueOf(conversationId));
  }

  static NewMessages fromArguments(List<String> arguments) {
    return new NewMessages(
        Vendor.valueOf(arguments.get(0)),
        Long.parseLong(arguments.get(1)),
        Long.parseLong(arguments.get(2)));
  }
}
