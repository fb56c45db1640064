package dev.lethe.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the host database is and how to log in: {@code --db}, {@code --user}, {@code --password}.
 */
final class DatabaseOptions {

  @Option(
      names = "--db",
      required = true,
      paramLabel = "<jdbc-url>",
      description = "JDBC URL: jdbc:postgresql://…, jdbc:mariadb://… or jdbc:h2:./data/demo")
  String url;

  @Option(
      names = "--user",
      paramLabel = "<user>",
      description = "Database user (else $LETHE_DB_USER, else postgres, root or sa).")
  String user;

  @Option(
      names = "--password",
      paramLabel = "<password>",
      description = "Database password (else $LETHE_DB_PASSWORD, else empty).")
  String password;

  HikariDataSource open(Map<String, String> env) {
    return Databases.open(url, Optional.ofNullable(user), Optional.ofNullable(password), env);
  }

  /** The URL as it may be shown: without parameters. */
  String describe() {
    return Databases.describe(url);
  }
}
