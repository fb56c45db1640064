package dev.lethe.core.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables of the connection's current schema (PostgreSQL {@code current_schema()}, MariaDB
 * database, H2 schema), read once through JDBC metadata. Names are matched without regard to case
 * because each database folds unquoted names differently.
 */
public final class SchemaSnapshot {

  private final Vendor vendor;
  private final Map<String, Table> tables;

  private SchemaSnapshot(Vendor vendor, Map<String, Table> tables) {
    this.vendor = vendor;
    this.tables = tables;
  }

  public static SchemaSnapshot read(Connection connection) throws SQLException {
    Vendor vendor = Vendor.of(connection);
    DatabaseMetaData meta = connection.getMetaData();
    String catalog = connection.getCatalog();
    String schema = currentSchema(connection, vendor);
    Map<String, Table> tables = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    for (String name : names) {
      tables.put(key(name), readTable(meta, catalog, schema, name));
    }
    return new SchemaSnapshot(vendor, tables);
  }

  private static String currentSchema(Connection connection, Vendor vendor) throws SQLException {
    if (vendor == Vendor.MARIADB || vendor == Vendor.MYSQL) {
      return null;
    }
    return connection.getSchema();
  }

  private static Table readTable(DatabaseMetaData meta, String catalog, String schema, String name)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
      while (rs.next()) {
        columns.add(
            new Column(
                rs.getString("COLUMN_NAME"),
                rs.getInt("DATA_TYPE"),
                rs.getString("TYPE_NAME"),
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
      }
    }
    Map<Short, String> pk = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
      while (rs.next()) {
        pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    }
    List<ForeignKey> fks = new ArrayList<>();
    try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
      while (rs.next()) {
        fks.add(
            new ForeignKey(
                name,
                rs.getString("FKCOLUMN_NAME"),
                rs.getString("PKTABLE_NAME"),
                rs.getString("PKCOLUMN_NAME"),
                deleteRule(rs.getShort("DELETE_RULE"))));
      }
    }
    Map<String, Map<Short, String>> indexes = new LinkedHashMap<>();
    try (ResultSet rs = meta.getIndexInfo(catalog, schema, name, false, true)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index == null || column == null) {
          continue;
        }
        indexes
            .computeIfAbsent(index, i -> new TreeMap<>())
            .put(rs.getShort("ORDINAL_POSITION"), column);
      }
    }
    List<List<String>> indexColumns =
        indexes.values().stream().map(m -> List.copyOf(m.values())).toList();
    return new Table(name, columns, List.copyOf(pk.values()), fks, indexColumns);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public Vendor vendor() {
    return vendor;
  }

  /** The table named {@code name}, compared without regard to case. */
  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(key(name)));
  }

  public Collection<Table> tables() {
    return tables.values();
  }

  private static ForeignKey.DeleteRule deleteRule(short rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> ForeignKey.DeleteRule.CASCADE;
      case DatabaseMetaData.importedKeySetNull, DatabaseMetaData.importedKeySetDefault ->
          ForeignKey.DeleteRule.SET_NULL;
      default -> ForeignKey.DeleteRule.RESTRICT;
    };
  }
}
