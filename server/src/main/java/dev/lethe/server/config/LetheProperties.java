package dev.lethe.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything under {@code lethe.*}; see docs/configuration.md.
 *
 * @param publicBaseUrl the address people and Meta reach the service at (status page links)
 * @param dataDir where the demo keeps its databases and where a generated secret is kept
 * @param secret the installation secret (at least 16 characters); generated once when empty
 */
@ConfigurationProperties("lethe")
public record LetheProperties(
    Optional<String> publicBaseUrl,
    @DefaultValue("./data") Path dataDir,
    Optional<String> secret,
    @DefaultValue Database state,
    @DefaultValue Host host,
    @DefaultValue Meta meta,
    @DefaultValue Execution execution,
    @DefaultValue Retention retention,
    @DefaultValue Api api,
    @DefaultValue Console console,
    @DefaultValue("false") boolean demo) {

  // Spring Boot binds an absent Optional as null: read it as empty.
  public LetheProperties {
    publicBaseUrl = publicBaseUrl == null ? Optional.empty() : publicBaseUrl;
    secret = secret == null ? Optional.empty() : secret;
  }

  /** A JDBC connection; H2 URLs get {@code ;DATABASE_TO_LOWER=TRUE} when they lack it. */
  public record Database(
      Optional<String> url, Optional<String> username, Optional<String> password) {
    public Database {
      url = url == null ? Optional.empty() : url;
      username = username == null ? Optional.empty() : username;
      password = password == null ? Optional.empty() : password;
    }
  }

  /**
   * The host product's database, its data map (the reference platform's when empty) and the
   * directory its file columns point into.
   */
  public record Host(
      Optional<String> url,
      Optional<String> username,
      Optional<String> password,
      Optional<String> datamap,
      Optional<String> files) {

    public Host {
      url = url == null ? Optional.empty() : url;
      username = username == null ? Optional.empty() : username;
      password = password == null ? Optional.empty() : password;
      datamap = datamap == null ? Optional.empty() : datamap;
      files = files == null ? Optional.empty() : files;
    }

    public Database database() {
      return new Database(url, username, password);
    }

    public Optional<Path> datamapFile() {
      return datamap.filter(s -> !s.isBlank()).map(Path::of);
    }

    public Optional<Path> filesDirectory() {
      return files.filter(s -> !s.isBlank()).map(Path::of);
    }
  }

  /**
   * Meta callbacks.
   *
   * @param apps the Meta apps whose signed requests are accepted
   * @param scope the data map scope a Meta user's request erases
   * @param jurisdiction recorded on Meta requests
   * @param maxAge how old a signed request may be
   * @param eraseOnDeauthorize whether removing the app erases the person's Meta data at once;
   *     otherwise a deauthorization is recorded and waits for Meta's data-deletion request
   */
  public record Meta(
      @DefaultValue List<App> apps,
      @DefaultValue("meta_platform") String scope,
      @DefaultValue("OTHER") String jurisdiction,
      @DefaultValue("1h") Duration maxAge,
      @DefaultValue("false") boolean eraseOnDeauthorize) {}

  /** One Meta app; {@code previousSecret} is accepted too while a secret is rotated. */
  public record App(String name, String secret, Optional<String> previousSecret) {
    public App {
      previousSecret = previousSecret == null ? Optional.empty() : previousSecret;
    }
  }

  /**
   * Background execution with db-scheduler.
   *
   * @param enabled whether this instance executes steps; {@code false} makes an intake-only
   *     instance, which takes requests and queues their steps for the instances sharing its
   *     database that do execute (no sweep or retention here either)
   * @param threads requests executed at once by this instance
   * @param pollingInterval how often due requests are looked for (scheduling on this instance wakes
   *     it at once)
   * @param retryBackoff the first wait before a failed request is retried; doubled each time
   * @param sweepInterval how often lapsed holds are released and lost steps queued again
   * @param heartbeatInterval how often an instance marks the requests it executes as alive; a
   *     request whose instance missed six heartbeats (it was killed, or lost its database) is
   *     resumed by any instance
   * @param shutdownWait how long stopping waits for running steps; one still running after it is
   *     taken up again (a run resumes from its last batch) by an instance that is up
   */
  public record Execution(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("2") int threads,
      @DefaultValue("5s") Duration pollingInterval,
      @DefaultValue("10s") Duration retryBackoff,
      @DefaultValue("1m") Duration sweepInterval,
      @DefaultValue("30s") Duration heartbeatInterval,
      @DefaultValue("30s") Duration shutdownWait) {}

  /**
   * The data map's retention rules, applied on a schedule.
   *
   * @param schedule db-scheduler's schedule syntax: {@code DAILY|03:00}, {@code FIXED_DELAY|6h},
   *     {@code CRON|0 0 3 * * *}
   */
  public record Retention(
      @DefaultValue("true") boolean enabled, @DefaultValue("DAILY|03:00") String schedule) {}

  /**
   * The REST API.
   *
   * @param key an API key registered at start with every permission (a bootstrap key for {@code
   *     serve}, the demo's key); none when empty
   */
  public record Api(Optional<String> key) {
    public Api {
      key = key == null ? Optional.empty() : key;
    }
  }

  /**
   * The admin console at {@code /admin}.
   *
   * @param adminPassword the first platform admin's password ({@code LETHE_ADMIN_PASSWORD}): set on
   *     the operator {@code admin} at every start; when empty, a password is generated and printed
   *     once, when there is no operator yet
   * @param adminEmail the first admin's address, for the confirmations of deletions they ask for
   * @param sessionTimeout how long a signed-in operator may be idle before signing in again
   * @param maxFailedLogins wrong passwords in a row, per operator name and per client address,
   *     before sign-ins from them are refused for {@code lockout}
   * @param lockout how long sign-ins stay refused after too many wrong passwords
   */
  public record Console(
      Optional<String> adminPassword,
      Optional<String> adminEmail,
      @DefaultValue("30m") Duration sessionTimeout,
      @DefaultValue("5") int maxFailedLogins,
      @DefaultValue("15m") Duration lockout) {
    public Console {
      adminPassword = adminPassword == null ? Optional.empty() : adminPassword;
      adminEmail = adminEmail == null ? Optional.empty() : adminEmail;
    }
  }
}
