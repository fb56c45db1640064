package dev.lethe.core.property;

import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.property.Platform.IdentityColumn;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Random rows for a generated platform, 10–300 per table, whose references point at existing parent
 * rows (or are NULL where allowed). Identity values come from a small pool, so several rows share
 * an identity.
 */
final class Dataset {

  static final int POOL = 6;

  /** Rows per table name, each row keyed by id; column values as the database takes them. */
  final Map<String, TreeMap<Long, Map<String, Object>>> tables = new LinkedHashMap<>();

  static String sharedEmail(int k) {
    return "p" + k + "@example.com";
  }

  static String sharedPhone(int k) {
    return "+628120000000" + k;
  }

  static Dataset generate(Platform platform, Random random) {
    Dataset data = new Dataset();
    for (Table table : platform.tables()) {
      TreeMap<Long, Map<String, Object>> rows = new TreeMap<>();
      int count = 10 + random.nextInt(291);
      for (int k = 0; k < count; k++) {
        long id = table.index() * 1000L + k + 1;
        rows.put(id, data.row(table, id, random));
      }
      data.tables.put(table.name(), rows);
    }
    return data;
  }

  private Map<String, Object> row(Table table, long id, Random random) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", id);
    if (table.tenant()) {
      row.put("tenant_id", random.nextInt(10) == 0 ? null : (Object) (1L + random.nextInt(3)));
    }
    for (IdentityColumn identity : table.identities()) {
      row.put(identity.column(), identity(table, identity.kind(), random));
    }
    for (Reference reference : table.references()) {
      List<Long> parents = new ArrayList<>(tables.get("t" + reference.parent()).keySet());
      boolean none = reference.nullable() && random.nextInt(5) == 0;
      // Squared draws make a few parents have many children.
      double skew = random.nextDouble() * random.nextDouble();
      row.put(reference.column(), none ? null : parents.get((int) (skew * parents.size())));
    }
    for (String note : table.notes()) {
      row.put(
          note,
          random.nextInt(10) == 0 ? sharedEmail(random.nextInt(POOL)) : "note " + random.nextInt());
    }
    if (table.retained()) {
      row.put(
          "created_at", LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(random.nextInt(3_000_000)));
    }
    row.put("payload", "payload " + Long.toHexString(random.nextLong()));
    return row;
  }

  private static String identity(Table table, IdentityKind kind, Random random) {
    int k = random.nextInt(POOL);
    if (random.nextInt(7) == 0) {
      return null;
    }
    if (table.sharesIdentities()) {
      return kind == IdentityKind.EMAIL ? sharedEmail(k) : sharedPhone(k);
    }
    return kind == IdentityKind.EMAIL
        ? "q" + table.index() + "x" + k + "@example.org"
        : "+628130" + table.index() + "00000" + k;
  }

  Map<Long, Map<String, Object>> rows(String table) {
    return Collections.unmodifiableMap(tables.get(table));
  }

  void insert(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (var table : tables.entrySet()) {
        List<String> columns = new ArrayList<>(table.getValue().firstEntry().getValue().keySet());
        String sql =
            "INSERT INTO "
                + table.getKey()
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?"))
                + ")";
        try (PreparedStatement insert = c.prepareStatement(sql)) {
          for (Map<String, Object> row : table.getValue().values()) {
            for (int i = 0; i < columns.size(); i++) {
              insert.setObject(i + 1, row.get(columns.get(i)));
            }
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      c.commit();
    }
  }
}
