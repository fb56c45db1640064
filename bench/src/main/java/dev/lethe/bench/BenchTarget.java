package dev.lethe.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a scenario runs: the database (its URL and product), how much data, and further options by
 * name ({@code user}, {@code password}, {@code server-jar}).
 */
public record BenchTarget(
    String jdbcUrl, Vendor vendor, BenchSize size, Map<String, String> options) {

  public BenchTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(size, "size");
    options = Map.copyOf(options);
  }

  /** The product a JDBC URL names: PostgreSQL, MariaDB or H2. */
  public static Vendor vendorOf(String jdbcUrl) {
    String lower = jdbcUrl.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    if (lower.startsWith("jdbc:mariadb:")) {
      return Vendor.MARIADB;
    }
    if (lower.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    }
    throw new IllegalArgumentException(
        "unsupported database URL: use jdbc:postgresql:, jdbc:mariadb: or jdbc:h2:");
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isEmpty());
  }

  /** The product's name as results show it: {@code postgresql}, {@code mariadb}, {@code h2}. */
  public String database() {
    return vendor.name().toLowerCase(Locale.ROOT);
  }

  /** The URL without its parameters, which may hold a password. */
  public String describe() {
    int cut = jdbcUrl.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = jdbcUrl.indexOf(separator);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return jdbcUrl.substring(0, cut);
  }

  /** A small pool on the target; the caller closes it. */
  public HikariDataSource openDataSource(String poolName) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(connectionUrl());
    config.setUsername(user());
    config.setPassword(password());
    config.setPoolName(poolName);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }

  /** One connection to the target, outside any pool; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(connectionUrl(), user(), password());
  }

  /** The URL connections use: on H2 with names folded to lower case, as the platform's are. */
  private String connectionUrl() {
    String url = jdbcUrl.strip();
    if (vendor == Vendor.H2 && !url.toUpperCase(Locale.ROOT).contains("DATABASE_TO_LOWER")) {
      url = url + ";DATABASE_TO_LOWER=TRUE";
    }
    return url;
  }

  /** The user given, or the vendor's usual administrator. */
  public String user() {
    return option("user").orElse(defaultUser());
  }

  public String password() {
    return option("password").orElse("");
  }

  private String defaultUser() {
    return switch (vendor) {
      case POSTGRESQL -> "postgres";
      case MARIADB, MYSQL -> "root";
      case H2 -> "sa";
    };
  }
}
