package dev.lethe.bench.callbacks;

import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Lethe's own tables in the target database (requests, runs, ledger, db-scheduler's queue), dropped
 * before each server starts: every round starts on empty tables, with no requests or queued
 * erasures left by an earlier round or run, and the server creates them anew.
 */
final class LetheTables {

  private LetheTables() {}

  static void drop(DataSource dataSource, Vendor vendor) {
    boolean postgres = vendor == Vendor.POSTGRESQL;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (!postgres) {
        s.execute("SET FOREIGN_KEY_CHECKS = 0");
      }
      for (String table : letheTables(c)) {
        s.execute("DROP TABLE IF EXISTS " + table + (postgres ? " CASCADE" : ""));
      }
      if (!postgres) {
        s.execute("SET FOREIGN_KEY_CHECKS = 1");
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop Lethe's tables", e);
    }
  }

  private static List<String> letheTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("lethe_") || lower.equals("scheduled_tasks")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }
}
