package dev.lethe.bench.engine;

import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The ways of erasing the subjects that a scenario compares: Lethe and three baselines. */
final class Contestants {

  static final String LETHE = "lethe";
  static final String SET_BASED = "set-based-sql";
  static final String CASCADE = "on-delete-cascade";
  static final String ROW_BY_ROW = "row-by-row";

  /** Row-by-row statements committed together, as generic engines batch their unit of work. */
  static final int ROWS_PER_COMMIT = 500;

  private static final Pattern HASH = Pattern.compile("HASH\\((\\w+)\\)");

  private final ErasureSql sql;
  private final Vendor vendor;
  private final String salt;

  Contestants(ErasureSql sql, Vendor vendor, String salt) {
    this.sql = sql;
    this.vendor = vendor;
    this.salt = salt;
  }

  /** One request per subject, planned, run and verified by the engine. */
  static Work lethe(Lethe lethe, String scope, boolean tenantBound, List<Subject> subjects) {
    boolean verified = true;
    long deleted = 0;
    for (Subject subject : subjects) {
      ErasureRequest request =
          new ErasureRequest(
              scope,
              List.of(new Identity(IdentityKind.IDS, String.valueOf(subject.id()))),
              tenantBound ? Optional.of(String.valueOf(subject.workspace())) : Optional.empty(),
              Map.of());
      try {
        Receipt receipt = lethe.erase(request, List.of());
        verified &= receipt.verification().passed();
        deleted += receipt.total(Outcome.DELETED);
      } catch (VerificationFailedException e) {
        verified = false;
      }
    }
    return new Work(null, verified, deleted);
  }

  /** Every step as one set-based statement; one transaction per subject. */
  Work setBased(DataSource dataSource, List<Subject> subjects) throws SQLException {
    long deleted = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (Subject subject : subjects) {
        for (Step step : sql.steps()) {
          int n = execute(connection, statement(step), step, subject.id());
          deleted += step.isDelete() ? n : 0;
        }
        connection.commit();
      }
      connection.setAutoCommit(true);
    }
    return new Work(null, null, deleted);
  }

  /**
   * On the cascading schema: the steps no foreign key does (anonymizing retained rows, tables
   * without foreign keys), then one {@code DELETE} of the root row; one transaction per subject.
   */
  Work cascade(DataSource dataSource, List<Subject> subjects) throws SQLException {
    long deleted = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (Subject subject : subjects) {
        for (Step step : sql.steps()) {
          if (!step.byCascade()) {
            int n = execute(connection, statement(step), step, subject.id());
            deleted += step.isDelete() ? n : 0;
          }
        }
        try (PreparedStatement root =
            connection.prepareStatement("DELETE FROM " + sql.root() + " WHERE id = ?")) {
          root.setLong(1, subject.id());
          deleted += root.executeUpdate();
        }
        connection.commit();
      }
      connection.setAutoCommit(true);
    }
    return new Work(null, null, deleted);
  }

  /**
   * Each step's rows selected by key, then deleted (or updated) one statement per row by primary
   * key, committed every {@link #ROWS_PER_COMMIT} rows. With {@code sample} > 0 only the first
   * {@code sample} rows of each step are timed, the step's time is extrapolated to all its rows,
   * and the rest is finished set-based, untimed.
   */
  Work rowByRow(DataSource dataSource, List<Subject> subjects, int sample) throws SQLException {
    long nanos = 0;
    long deleted = 0;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      for (Subject subject : subjects) {
        for (Step step : sql.steps()) {
          long started = System.nanoTime();
          List<Long> ids = ids(connection, step, subject.id());
          int timed = sample > 0 ? Math.min(sample, ids.size()) : ids.size();
          String one =
              step.isDelete()
                  ? "DELETE FROM " + step.table() + " WHERE id = ?"
                  : "UPDATE " + step.table() + " SET " + expand(step.set()) + " WHERE id = ?";
          try (PreparedStatement statement = connection.prepareStatement(one)) {
            for (int i = 0; i < timed; i++) {
              statement.setLong(1, ids.get(i));
              statement.executeUpdate();
              if ((i + 1) % ROWS_PER_COMMIT == 0) {
                connection.commit();
              }
            }
          }
          connection.commit();
          long took = System.nanoTime() - started;
          nanos += timed == 0 ? took : (long) (took * ((double) ids.size() / timed));
          if (timed < ids.size()) {
            execute(connection, statement(step), step, subject.id());
            connection.commit();
          }
          deleted += step.isDelete() ? ids.size() : 0;
        }
      }
      connection.setAutoCommit(true);
    }
    return new Work(sample > 0 ? nanos / 1_000_000 : null, null, deleted);
  }

  private List<Long> ids(Connection connection, Step step, long subject) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM " + step.table() + " WHERE " + step.where() + " ORDER BY id")) {
      bind(select, step, subject);
      select.setFetchSize(10_000);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private String statement(Step step) {
    return step.isDelete()
        ? "DELETE FROM " + step.table() + " WHERE " + step.where()
        : "UPDATE " + step.table() + " SET " + expand(step.set()) + " WHERE " + step.where();
  }

  private static int execute(Connection connection, String statement, Step step, long subject)
      throws SQLException {
    try (PreparedStatement prepared = connection.prepareStatement(statement)) {
      bind(prepared, step, subject);
      return prepared.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, Step step, long subject)
      throws SQLException {
    for (int i = 1; i <= step.parameters(); i++) {
      statement.setLong(i, subject);
    }
  }

  /** {@code HASH(column)}: the salted SHA-256 Lethe anonymizes with, so results compare equal. */
  private String expand(String set) {
    Matcher matcher = HASH.matcher(set);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String column = matcher.group(1);
      String hash =
          vendor == Vendor.POSTGRESQL
              ? "encode(sha256(convert_to('"
                  + salt
                  + "' || CAST("
                  + column
                  + " AS TEXT), 'UTF8')), 'hex')"
              : "sha2(concat('" + salt + "', " + column + "), 256)";
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "CASE WHEN " + column + " IS NULL THEN NULL ELSE " + hash + " END"));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
