package dev.lethe.core.property;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.property.Walk.RowRef;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Everything one seed draws: a platform, its rows, a request, batch sizes, and (when asked) a legal
 * hold. The same seed always draws the same case.
 */
final class GeneratedCase {

  private static final byte[] SECRET = "property-test-secret".getBytes(StandardCharsets.UTF_8);

  final long seed;
  final Platform platform;
  final Dataset data;
  final Subject subject;
  final ExecutionOptions options;
  final String yaml;
  private final Random random;

  private GeneratedCase(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
    this.platform = new PlatformGenerator(random).generate(seed);
    this.data = Dataset.generate(platform, random);
    this.subject = Subject.draw(platform, data, random);
    int initial = 1 + random.nextInt(random.nextBoolean() ? 4 : 64);
    this.options = new ExecutionOptions(initial, initial * (1 + random.nextInt(8)), 100, 1);
    this.yaml = PlatformText.yaml(platform);
  }

  static GeneratedCase of(long seed) {
    return new GeneratedCase(seed);
  }

  /** Further draws of this case's generator, after everything above. */
  Random random() {
    return random;
  }

  /**
   * A hold on one tenant, or on one row; mostly a row the request would otherwise delete or
   * rewrite, so that the hold matters.
   */
  List<LegalHold> drawHold() {
    boolean tenants = platform.tables().stream().anyMatch(Platform.Table::tenant);
    if (tenants && random.nextInt(3) == 0) {
      String tenant = String.valueOf(1 + random.nextInt(3));
      return List.of(
          new LegalHold("hold-" + seed, new LegalHold.Tenant(tenant), "", Optional.empty()));
    }
    Oracle oracle = new Oracle(platform, data, subject, List.of());
    Walk.Effect effect = new Walk(platform, data.tables, List.of()).effect(oracle.roots());
    List<RowRef> touched = new ArrayList<>(effect.deleted());
    touched.addAll(effect.updated().keySet());
    RowRef row;
    if (!touched.isEmpty() && random.nextInt(5) > 0) {
      row = touched.get(random.nextInt(touched.size()));
    } else {
      String table = platform.tableNames().get(random.nextInt(platform.tables().size()));
      List<Long> ids = new ArrayList<>(data.rows(table).keySet());
      row = new RowRef(table, ids.get(random.nextInt(ids.size())));
    }
    return List.of(
        new LegalHold(
            "hold-" + seed,
            new LegalHold.Row(row.table(), String.valueOf(row.id())),
            "",
            Optional.empty()));
  }

  /** Creates the tables and rows in an empty database. */
  void create(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : PlatformText.ddl(platform, kindOf(c))) {
        s.execute(statement);
      }
    }
    data.insert(dataSource);
  }

  private static TestDatabase.Kind kindOf(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
    return product.contains("maria") || product.contains("mysql")
        ? TestDatabase.Kind.MARIADB
        : product.contains("postgres") ? TestDatabase.Kind.POSTGRESQL : TestDatabase.Kind.H2;
  }

  DataMap map() {
    return DataMapLoader.load("random-" + seed + ".yaml", yaml);
  }

  Lethe open(DataSource dataSource) {
    return Lethe.open(
        new Lethe.Config(
            dataSource, map(), new NoFileStore(), Clock.systemUTC(), Optional.of(SECRET), options));
  }

  /** What an assertion message needs to reproduce and understand a failure. */
  String describe() {
    return "seed "
        + seed
        + " (rerun with -Dlethe.property.seed="
        + seed
        + "), request "
        + subject
        + ", batches "
        + options.initialBatch()
        + ".."
        + options.maxBatch()
        + ", data map:\n"
        + yaml;
  }
}
