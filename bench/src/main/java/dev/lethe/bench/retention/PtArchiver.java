package dev.lethe.bench.retention;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percona's {@code pt-archiver --purge} on MariaDB, as a DBA would run it to purge old messages in
 * chunks of the given size, one commit per chunk, fetching primary keys only: first the aged
 * messages' attachments (a message with attachments cannot go first: the foreign key stops it),
 * then the messages. With {@code --bulk-delete} each chunk is one {@code DELETE}; without it the
 * tool deletes the chunk's rows one statement each (its default).
 */
final class PtArchiver implements Purge {

  /** The name of the tool's default run, the baseline. */
  static final String NAME = "pt-archiver --purge (batch " + RetentionScenario.BATCH + ")";

  /** How the names of its runs without {@code --bulk-delete} begin. */
  static final String PURGE_NAMES = "pt-archiver --purge (";

  private static final Pattern DELETED = Pattern.compile("(?m)^DELETE\\s+(\\d+)\\s*$");

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final int batch;
  private final boolean bulkDelete;
  private final String turn;

  /**
   * @param turn where the run stands among the contestants ("before Lethe"), added to its name when
   *     the tool runs more than once with the same options; null when it runs once
   */
  PtArchiver(
      String jdbcUrl, String user, String password, int batch, boolean bulkDelete, String turn) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.batch = batch;
    this.bulkDelete = bulkDelete;
    this.turn = turn;
  }

  /** Whether {@code pt-archiver} is on the path (Debian package {@code percona-toolkit}). */
  static boolean installed() {
    try {
      return new ProcessBuilder("pt-archiver", "--version")
              .redirectErrorStream(true)
              .start()
              .waitFor()
          == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String name() {
    return "pt-archiver --purge"
        + (bulkDelete ? " --bulk-delete" : "")
        + " (batch "
        + batch
        + (turn == null ? "" : ", " + turn)
        + ")";
  }

  @Override
  public boolean isLethe() {
    return false;
  }

  @Override
  public Outcome purge(MessagesTable table) throws IOException, InterruptedException {
    String aged = "created_at < " + table.cutoffLiteral();
    long started = System.nanoTime();
    run("attachments", "message_id IN (SELECT id FROM messages WHERE " + aged + ")");
    long deleted = run("messages", aged);
    return new Outcome((System.nanoTime() - started) / 1_000_000, deleted, null);
  }

  private long run(String tableName, String where) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("pt-archiver");
    command.add("--source");
    command.add(source(tableName));
    command.add("--purge");
    command.add("--where");
    command.add(where);
    command.add("--limit");
    command.add(String.valueOf(batch));
    command.add("--commit-each");
    command.add("--primary-key-only");
    command.add("--no-check-charset");
    command.add("--no-safe-auto-increment");
    command.add("--statistics");
    if (bulkDelete) {
      command.add("--bulk-delete");
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "pt-archiver on " + tableName + " exited with " + process.exitValue() + ": " + output);
    }
    Matcher m = DELETED.matcher(output);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The tool's DSN: {@code h=…,P=…,D=…,t=…,u=…[,p=…]} from the JDBC URL. */
  private String source(String tableName) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String database = uri.getPath().substring(1);
    StringBuilder dsn =
        new StringBuilder("h=")
            .append(uri.getHost())
            .append(",P=")
            .append(uri.getPort() < 0 ? 3306 : uri.getPort())
            .append(",D=")
            .append(database)
            .append(",t=")
            .append(tableName)
            .append(",u=")
            .append(user);
    if (password != null && !password.isEmpty()) {
      dsn.append(",p=").append(password);
    }
    return dsn.toString();
  }
}
