package dev.lethe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the results file says of the machine the numbers were taken on. */
public final class BenchMachine {

  private BenchMachine() {}

  /** The machine the numbers were taken on, and the size of the database's own page cache. */
  public static Map<String, Object> describe(BenchTarget target) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("processors", Runtime.getRuntime().availableProcessors());
    machine.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
    machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put(
        "load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    machine.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    try {
      machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).getFirst());
    } catch (IOException | RuntimeException unavailable) {
      // not Linux: leave it out
    }
    databaseCache(target).ifPresent(cache -> machine.put("database_cache", cache));
    return machine;
  }

  /**
   * The database's page cache: a table larger than MariaDB's buffer pool is read from disk
   * (InnoDB's default {@code O_DIRECT} bypasses the system's cache), where PostgreSQL reads beyond
   * its shared buffers from the system's page cache. With random request keys, the callbacks ran at
   * half the rate in Debian's default 128 MB pool as in a 2 GB one (docs/benchmarks.md, item 19).
   */
  static Optional<String> databaseCache(BenchTarget target) {
    String sql =
        switch (target.vendor()) {
          case MARIADB, MYSQL ->
              "select concat('innodb_buffer_pool_size ', @@innodb_buffer_pool_size,"
                  + " ' bytes, innodb_flush_method ', @@innodb_flush_method)";
          case POSTGRESQL ->
              "select 'shared_buffers ' || current_setting('shared_buffers')"
                  + " || ', beyond them the system''s page cache'";
          default -> null;
        };
    if (sql == null) {
      return Optional.empty();
    }
    try (var connection = target.connect();
        var statement = connection.createStatement();
        var rows = statement.executeQuery(sql)) {
      return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
    } catch (SQLException | RuntimeException unreadable) {
      return Optional.of("not read: " + unreadable.getMessage());
    }
  }
}
