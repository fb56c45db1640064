package dev.lethe.server.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;

/** Opens the connection pools of Lethe's own database and of the host's. */
final class JdbcPools {

  private JdbcPools() {}

  static HikariDataSource open(String name, LetheProperties.Database database) {
    String url =
        database
            .url()
            .orElseThrow(
                () -> new IllegalStateException("lethe." + name + ".url must be configured"))
            .strip();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(adjust(url));
    config.setUsername(database.username().orElse(defaultUser(url)));
    config.setPassword(database.password().orElse(""));
    config.setPoolName("lethe-" + name);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  /** Lethe and the reference platform expect unquoted names in lower case, as elsewhere. */
  static String adjust(String url) {
    boolean h2 = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    if (h2 && !url.toUpperCase(Locale.ROOT).contains("DATABASE_TO_LOWER")) {
      return url + ";DATABASE_TO_LOWER=TRUE";
    }
    return url;
  }

  private static String defaultUser(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return "postgres";
    }
    if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
      return "root";
    }
    return "sa";
  }
}
