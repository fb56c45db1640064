package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A large erasure whose process is killed with SIGKILL in the middle, then resumed: the database
 * and the file store end exactly as after an erasure that was never interrupted.
 */
class KilledRunIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The same secret on both databases, so keyed hashes of retained rows compare equal. */
  private static final Map<String, String> ENV =
      Map.of("LETHE_SECRET", "a-test-secret-of-enough-length");

  @TempDir Path killedFiles;
  @TempDir Path cleanFiles;

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.Kind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void a_killed_erasure_resumes_to_the_state_of_an_uninterrupted_one(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase killed = TestDatabase.create(kind);
        TestDatabase clean = TestDatabase.create(kind)) {
      fill(killed, killedFiles);
      fill(clean, cleanFiles);
      String workspace = largestWorkspace(killed);

      Cli.Result uninterrupted = erase(clean, cleanFiles, workspace);
      assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

      Process process = eraseInAnotherProcess(killed, workspace);
      String run = waitForBatches(killed, process, 5);
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertThat(status(killed, run)).isEqualTo("running");

      Cli.Result resumed =
          Cli.run(
              ENV,
              "resume",
              "--db",
              killed.url(),
              "--user",
              killed.user(),
              "--files",
              killedFiles.toString(),
              "--run",
              run);

      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(status(killed, run)).isEqualTo("completed");
      assertThat(tables(killed)).isEqualTo(tables(clean));
      assertThat(files(killedFiles)).isEqualTo(files(cleanFiles));
      assertThat(deletedCounts(resumed.out())).isEqualTo(deletedCounts(uninterrupted.out()));
    }
  }

  private static void fill(TestDatabase db, Path files) {
    Cli.Result result =
        Cli.run(
            "sample-platform",
            "--db",
            db.url(),
            "--user",
            db.user(),
            "--files",
            files.toString(),
            "--workspaces",
            "4",
            "--contacts",
            "2000",
            "--messages",
            "60000",
            "--seed",
            "7");
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  private static Cli.Result erase(TestDatabase db, Path files, String workspace) {
    return Cli.run(
        ENV,
        "erase",
        "--db",
        db.url(),
        "--user",
        db.user(),
        "--files",
        files.toString(),
        "--scope",
        "workspace",
        "--identity",
        "ids=" + workspace);
  }

  private Process eraseInAnotherProcess(TestDatabase db, String workspace) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-jar",
                ROOT.resolve("cli/target/lethe.jar").toString(),
                "erase",
                "--db",
                db.url(),
                "--user",
                db.user(),
                "--files",
                killedFiles.toString(),
                "--scope",
                "workspace",
                "--identity",
                "ids=" + workspace)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(ENV);
    return builder.start();
  }

  /** Waits until the run in the other process has committed {@code batches} batches. */
  private static String waitForBatches(TestDatabase db, Process process, int batches)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the erasure finished before it could be killed").isTrue();
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT id, batches FROM lethe_runs WHERE status = 'running'")) {
        if (rs.next() && rs.getLong(2) >= batches) {
          return rs.getString(1);
        }
      } catch (SQLException notYetCreated) {
        // Lethe's tables appear when the other process opens the engine.
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the run never reached " + batches + " batches");
  }

  private static String status(TestDatabase db, String run) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT status FROM lethe_runs WHERE id = '" + run + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  private static String largestWorkspace(TestDatabase db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT workspace_id FROM messages GROUP BY workspace_id ORDER BY COUNT(*) DESC,"
                    + " workspace_id")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Every row of every platform table, as text. */
  private static Map<String, List<String>> tables(TestDatabase db) throws SQLException {
    Map<String, List<String>> tables = new TreeMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String table : ReferencePlatform.TABLES) {
        List<String> rows = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(rs.getString(i)).append('|');
            }
            rows.add(row.toString());
          }
        }
        tables.put(table, rows);
      }
    }
    return tables;
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** The "deleted" counts of a receipt printed as JSON, per entity. */
  private static Map<String, Long> deletedCounts(String receiptJson) throws IOException {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(receiptJson);
    Map<String, Long> counts = new TreeMap<>();
    tree.get("entities")
        .forEach(e -> counts.put(e.get("entity").asText(), e.get("deleted").asLong()));
    return counts;
  }
}
