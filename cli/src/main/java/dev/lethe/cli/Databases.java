package dev.lethe.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a small connection pool on a PostgreSQL, MariaDB or H2 URL. Credentials come from the
 * options, else from {@code LETHE_DB_USER}/{@code LETHE_DB_PASSWORD}, else the product's usual
 * administrator (postgres, root, sa) with an empty password.
 */
final class Databases {

  static final String USER_VARIABLE = "LETHE_DB_USER";
  static final String PASSWORD_VARIABLE = "LETHE_DB_PASSWORD";

  private Databases() {}

  /**
   * @throws CommandFailure with {@link ExitCode#BAD_INPUT} for a URL of an unsupported database,
   *     {@link ExitCode#DATABASE_UNREACHABLE} when no connection can be made
   */
  static HikariDataSource open(
      String url, Optional<String> user, Optional<String> password, Map<String, String> env) {
    Product product = Product.of(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(product.adjust(url));
    config.setUsername(user.or(() -> variable(env, USER_VARIABLE)).orElse(product.defaultUser));
    config.setPassword(password.or(() -> variable(env, PASSWORD_VARIABLE)).orElse(""));
    config.setPoolName("lethe");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (PoolInitializationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new CommandFailure(
          ExitCode.DATABASE_UNREACHABLE,
          "cannot connect to " + describe(url) + ": " + firstLine(cause.getMessage()),
          e);
    }
  }

  /** The URL without its parameters, which may hold a password. */
  static String describe(String url) {
    int cut = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    return url.substring(0, cut);
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    return message.lines().findFirst().orElse(message).strip();
  }

  /** The database products Lethe connects to, and what differs in how it connects. */
  private enum Product {
    POSTGRESQL("jdbc:postgresql:", "postgres"),
    MARIADB("jdbc:mariadb:", "root"),
    H2("jdbc:h2:", "sa");

    private final String prefix;
    private final String defaultUser;

    Product(String prefix, String defaultUser) {
      this.prefix = prefix;
      this.defaultUser = defaultUser;
    }

    static Product of(String url) {
      String lower = url.strip().toLowerCase(Locale.ROOT);
      for (Product product : values()) {
        if (lower.startsWith(product.prefix)) {
          return product;
        }
      }
      String hint =
          lower.startsWith("jdbc:mysql:")
              ? "; for MySQL and MariaDB write jdbc:mariadb://host:port/database"
              : "";
      throw CommandFailure.badInput(
          "unsupported database URL '"
              + describe(url)
              + "': use jdbc:postgresql:, jdbc:mariadb: or jdbc:h2:"
              + hint);
    }

    /** Lethe and the reference platform expect unquoted names in lower case, as on the others. */
    String adjust(String url) {
      String stripped = url.strip();
      if (this == H2 && !stripped.toUpperCase(Locale.ROOT).contains("DATABASE_TO_LOWER")) {
        return stripped + ";DATABASE_TO_LOWER=TRUE";
      }
      return stripped;
    }
  }
}
