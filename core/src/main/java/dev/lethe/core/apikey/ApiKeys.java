package dev.lethe.core.apikey;

import static dev.lethe.core.apikey.ApiKeyTables.*;

import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.schema.Vendor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The API keys the host product calls the service with: issued with a name, permissions and
 * optionally one workspace; shown once; revocable. See {@code docs/api-keys.md}.
 *
 * <p>Only an HMAC-SHA256 of each token under the installation secret is stored. A slow password
 * hash (bcrypt, Argon2) exists to make guessing a low-entropy password expensive; a secret of 160
 * random bits cannot be guessed at any speed, and a fast keyed hash keeps every request's check
 * cheap. The key (the installation secret) also means a copy of the table alone tests nothing.
 */
public final class ApiKeys {

  /** How stale {@code last_used_at} may get: at most one write per key per minute. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private static final String HASH_PURPOSE = "api-key";

  private final DSLContext dsl;
  private final ApiKeyWrites writes;
  private final Clock clock;
  private final KeyedHasher hasher;
  private final RandomGenerator random;

  ApiKeys(DSLContext dsl, Clock clock, KeyedHasher hasher, RandomGenerator random) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.writes = new ApiKeyWrites(dsl);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Migrates Lethe's database (the key table comes with it) and opens the keys over it. */
  public static ApiKeys open(
      DataSource dataSource, Vendor vendor, Clock clock, KeyedHasher hasher) {
    RequestStore.migrate(dataSource, vendor);
    return new ApiKeys(vendor.dsl(dataSource), clock, hasher, new SecureRandom());
  }

  /**
   * Issues a new key. The token in the answer is shown this once; it cannot be read back.
   *
   * @param workspace the one workspace the key may reach; empty for every workspace
   * @throws InvalidApiKeyException for a blank or over-long name, no permission, a bad workspace
   */
  public IssuedKey issue(
      String name, Set<Permission> permissions, Optional<String> workspace, Actor by) {
    Objects.requireNonNull(by, "by");
    KeyTerms terms = new KeyTerms(name, permissions, workspace);
    // 80 random bits make a clash of ids all but impossible; should one happen, draw again.
    for (int attempt = 0; attempt < 3; attempt++) {
      ApiKeyToken token = ApiKeyToken.generate(random);
      ApiKey key = newKey(token, terms, by);
      if (writes.insert(key, hash(token))) {
        return new IssuedKey(key, token.text());
      }
    }
    throw new IllegalStateException("could not store a new API key: its id clashed three times");
  }

  /**
   * The key a token belongs to, if the token is well formed, its key exists and is not revoked, and
   * its secret is right; empty otherwise, alike for every reason. Notes the time of use, at most
   * once a minute per key.
   */
  public Optional<ApiKey> authenticate(String token) {
    Optional<ApiKeyToken> parsed = ApiKeyToken.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = hash(parsed.get()).getBytes(StandardCharsets.US_ASCII);
    Optional<Record> row =
        dsl.select(KEY_FIELDS)
            .select(SECRET_HASH)
            .from(KEYS)
            .where(ID.eq(parsed.get().id()))
            .fetchOptional();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    byte[] stored = row.get().get(SECRET_HASH).getBytes(StandardCharsets.US_ASCII);
    ApiKey key = ApiKeyTables.key(row.get());
    if (!MessageDigest.isEqual(stored, presented) || key.revoked()) {
      return Optional.empty();
    }
    return Optional.of(touch(key));
  }

  private ApiKey touch(ApiKey key) {
    Instant now = now();
    Instant due = now.minus(TOUCH_INTERVAL);
    if (key.lastUsedAt().filter(last -> last.isAfter(due)).isPresent()) {
      return key;
    }
    return writes.touch(key.id(), now, due) ? key.usedAt(now) : key;
  }

  /** Every key, revoked ones included, oldest first. */
  public List<ApiKey> list() {
    return dsl.select(KEY_FIELDS).from(KEYS).orderBy(CREATED_AT, ID).fetch(ApiKeyTables::key);
  }

  public Optional<ApiKey> find(String id) {
    if (!ApiKeyToken.isId(id)) {
      return Optional.empty();
    }
    return dsl.select(KEY_FIELDS)
        .from(KEYS)
        .where(ID.eq(id))
        .fetchOptional()
        .map(ApiKeyTables::key);
  }

  /**
   * Revokes a key: it authenticates nothing from now on. Revoking a revoked key changes nothing and
   * returns it as it is.
   *
   * @throws UnknownApiKeyException when there is no such key
   */
  public ApiKey revoke(String id, Actor by) {
    Objects.requireNonNull(by, "by");
    ApiKey current = find(id).orElseThrow(() -> new UnknownApiKeyException(id));
    if (current.revoked()) {
      return current;
    }
    writes.revoke(id, now(), by);
    return find(id).orElseThrow(() -> new UnknownApiKeyException(id));
  }

  /**
   * A new token in the format keys have, for an operator to configure (a bootstrap key, the demo's
   * key) and {@link #register}.
   */
  public static String newToken() {
    return ApiKeyToken.generate(new SecureRandom()).text();
  }

  /**
   * Makes a token the operator configured (a bootstrap key) a key: inserted the first time, its
   * hash, name, permissions and workspace refreshed on later calls, so a restart with the same
   * configuration changes nothing and a changed configuration (or installation secret) takes
   * effect. A revoked key stays revoked and is returned as it is. Safe when several instances start
   * at once.
   *
   * @throws InvalidApiKeyException when the token is not in the format, or the terms are invalid
   */
  public ApiKey register(
      String token, String name, Set<Permission> permissions, Optional<String> workspace) {
    ApiKeyToken parsed =
        ApiKeyToken.parse(token).orElseThrow(() -> new InvalidApiKeyException(ApiKeyToken.FORMAT));
    KeyTerms terms = new KeyTerms(name, permissions, workspace);
    String secretHash = hash(parsed);
    if (find(parsed.id()).isEmpty()
        && writes.insert(newKey(parsed, terms, Actor.system()), secretHash)) {
      return find(parsed.id()).orElseThrow();
    }
    writes.refresh(parsed.id(), terms, secretHash);
    return find(parsed.id()).orElseThrow();
  }

  private ApiKey newKey(ApiKeyToken token, KeyTerms terms, Actor by) {
    return new ApiKey(
        token.id(),
        terms.name(),
        terms.permissions(),
        terms.workspace(),
        now(),
        by,
        Optional.empty(),
        Optional.empty());
  }

  /** The whole token is hashed, so a hash is bound to its key's id. */
  private String hash(ApiKeyToken token) {
    return hasher.hex(token.text(), HASH_PURPOSE);
  }

  /** Microseconds: what every database keeps, so a key read back equals the one issued. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
