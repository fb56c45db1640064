package dev.lethe.bench.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;

/**
 * The hand-written purge: one transaction deleting the aged messages' attachments, then the aged
 * messages, each in a single statement. Its transaction is as long as the whole purge.
 */
final class SingleDelete implements Purge {

  static final String NAME = "single DELETE";

  private final DataSource dataSource;

  SingleDelete(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isLethe() {
    return false;
  }

  @Override
  public Outcome purge(MessagesTable table) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long started = System.nanoTime();
      try (PreparedStatement attachments =
              c.prepareStatement(
                  "DELETE FROM attachments WHERE message_id IN"
                      + " (SELECT id FROM messages WHERE created_at < ?)");
          PreparedStatement messages =
              c.prepareStatement("DELETE FROM messages WHERE created_at < ?")) {
        attachments.setObject(1, table.cutoffValue());
        attachments.executeUpdate();
        messages.setObject(1, table.cutoffValue());
        long deleted = messages.executeUpdate();
        c.commit();
        long took = (System.nanoTime() - started) / 1_000_000;
        return new Outcome(took, deleted, took);
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
