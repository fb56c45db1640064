package dev.lethe.core.apikey;

import static dev.lethe.core.apikey.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.request.Actor;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.SettableClock;
import dev.lethe.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys issued, checked, revoked and registered, on each database Lethe keeps its state in. */
abstract class ApiKeysContract {

  static final Instant START = Instant.parse("2025-03-01T10:15:30.123456Z");
  static final KeyedHasher HASHER = new KeyedHasher("a test installation secret, 32 b".getBytes());
  static final String BOOTSTRAP = "lethe_DEM0DEM0DEM0DEM0_0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  final SettableClock clock = new SettableClock(START);
  final Actor admin = Actor.operator("admin-1");
  TestDatabase db;
  Vendor vendor;
  DSLContext sql;
  ApiKeys keys;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    db = TestDatabase.create(kind());
    vendor =
        switch (kind()) {
          case H2 -> Vendor.H2;
          case POSTGRESQL -> Vendor.POSTGRESQL;
          case MARIADB -> Vendor.MARIADB;
        };
    keys = ApiKeys.open(db.dataSource(), vendor, clock, HASHER);
    sql = DSL.using(db.dataSource(), vendor.dialect());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  IssuedKey issueReader() {
    return keys.issue("crm reader", Set.of(REQUESTS_READ), Optional.empty(), admin);
  }

  @Test
  void an_issued_key_authenticates_with_its_token_and_keeps_its_permissions_and_workspace() {
    IssuedKey issued =
        keys.issue("Acme CRM", Set.of(REQUESTS_READ, HOLDS), Optional.of("acme"), admin);

    ApiKey key = keys.authenticate(issued.token()).orElseThrow();

    assertThat(issued.token()).matches("lethe_[0-9A-HJKMNP-TV-Z]{16}_[0-9A-HJKMNP-TV-Z]{32}");
    assertThat(issued.token()).startsWith("lethe_" + issued.key().id() + "_");
    assertThat(key.id()).isEqualTo(issued.key().id());
    assertThat(key.name()).isEqualTo("Acme CRM");
    assertThat(key.permissions()).containsExactlyInAnyOrder(REQUESTS_READ, HOLDS);
    assertThat(key.workspace()).contains("acme");
    assertThat(key.createdAt()).isEqualTo(START);
    assertThat(key.createdBy()).isEqualTo(admin);
    assertThat(key.lastUsedAt()).contains(START);
    assertThat(key.allows(HOLDS)).isTrue();
    assertThat(key.allows(KEYS)).isFalse();
    assertThat(key.reaches(Optional.of("acme"))).isTrue();
    assertThat(key.reaches(Optional.of("other"))).isFalse();
    assertThat(keys.find(key.id())).contains(key);
  }

  @Test
  void an_unrestricted_key_with_every_permission_round_trips() {
    IssuedKey issued = keys.issue("ops", Set.of(Permission.values()), Optional.empty(), admin);

    ApiKey found = keys.find(issued.key().id()).orElseThrow();

    assertThat(found).isEqualTo(issued.key());
    assertThat(found.permissions()).containsExactly(Permission.values());
    assertThat(found.workspace()).isEmpty();
    assertThat(found.reaches(Optional.of("any"))).isTrue();
    assertThat(found.reaches(Optional.empty())).isTrue();
  }

  @Test
  void a_wrong_secret_or_an_unknown_id_authenticates_nothing() {
    String token = issueReader().token();
    String id = token.substring(6, 22);
    String secret = token.substring(23);
    String otherSecret =
        secret.charAt(0) == 'A' ? "B" + secret.substring(1) : "A" + secret.substring(1);
    String otherId = id.charAt(0) == 'A' ? "B" + id.substring(1) : "A" + id.substring(1);

    assertThat(keys.authenticate("lethe_" + id + "_" + otherSecret)).isEmpty();
    assertThat(keys.authenticate("lethe_" + otherId + "_" + secret)).isEmpty();
    assertThat(keys.authenticate(issueReader().token().substring(0, 23) + secret)).isEmpty();
    assertThat(keys.find(id).orElseThrow().lastUsedAt()).isEmpty();
  }

  @Test
  void malformed_tokens_authenticate_nothing() {
    String token = issueReader().token();
    List<String> malformed =
        List.of(
            "",
            " ",
            token.substring(6),
            "LETHE_" + token.substring(6),
            "lethe-" + token.substring(6),
            token + "A",
            token.substring(0, token.length() - 1),
            token + "_EXTRA",
            token.replace("_", "-"),
            token.substring(0, 22) + "__" + token.substring(23, token.length() - 1),
            "lethe_" + token.substring(6).toLowerCase(),
            " " + token,
            token + "\n",
            token.substring(0, 30) + "I" + token.substring(31),
            "Bearer " + token);

    for (String bad : malformed) {
      assertThat(keys.authenticate(bad)).as("%s", bad).isEmpty();
    }
    assertThat(keys.authenticate(null)).isEmpty();
    assertThat(keys.authenticate(token)).isPresent();
  }

  @Test
  void a_revoked_key_authenticates_nothing_and_revoking_it_again_changes_nothing() {
    IssuedKey issued = issueReader();
    clock.advance(Duration.ofHours(1));

    ApiKey revoked = keys.revoke(issued.key().id(), admin);
    clock.advance(Duration.ofHours(1));
    ApiKey again = keys.revoke(issued.key().id(), Actor.operator("admin-2"));

    assertThat(revoked.revokedAt()).contains(START.plus(Duration.ofHours(1)));
    assertThat(revoked.allows(REQUESTS_READ)).isFalse();
    assertThat(again).isEqualTo(revoked);
    assertThat(keys.authenticate(issued.token())).isEmpty();
    assertThat(
            sql.select(DSL.field(DSL.name("revoked_by"), String.class))
                .from(DSL.table(DSL.name("lethe_api_keys")))
                .fetchOne()
                .value1())
        .isEqualTo("operator:admin-1");
  }

  @Test
  void revoking_an_unknown_key_is_reported_as_such() {
    assertThatThrownBy(() -> keys.revoke("0000000000000000", admin))
        .isInstanceOf(UnknownApiKeyException.class)
        .hasMessage("no API key with id 0000000000000000");
    assertThatThrownBy(() -> keys.revoke("not an id", admin))
        .isInstanceOf(UnknownApiKeyException.class);
  }

  @Test
  void keys_are_found_by_their_exact_id_and_listed_oldest_first() {
    IssuedKey first = issueReader();
    clock.advance(Duration.ofSeconds(1));
    IssuedKey second = keys.issue("writer", Set.of(REQUESTS_WRITE), Optional.empty(), admin);
    keys.revoke(first.key().id(), admin);

    assertThat(keys.list())
        .extracting(ApiKey::id)
        .containsExactly(first.key().id(), second.key().id());
    assertThat(keys.list().get(0).revoked()).isTrue();
    assertThat(keys.find(second.key().id().toLowerCase())).isEmpty();
    assertThat(keys.find(second.key().id() + " ")).isEmpty();
    assertThat(keys.find(null)).isEmpty();
  }

  @Test
  void neither_the_token_nor_its_secret_is_stored_in_any_column() {
    IssuedKey issued = keys.issue("ops", Set.of(KEYS), Optional.of("acme"), admin);
    String secret = issued.token().substring(23);
    keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());

    List<String> stored = new ArrayList<>();
    for (Record row : sql.selectFrom(DSL.table(DSL.name("lethe_api_keys"))).fetch()) {
      for (Object value : row.intoArray()) {
        stored.add(String.valueOf(value).toUpperCase());
      }
    }

    assertThat(stored).contains(issued.key().id(), "DEM0DEM0DEM0DEM0");
    assertThat(stored).noneMatch(v -> v.contains(secret));
    assertThat(stored).noneMatch(v -> v.contains(BOOTSTRAP.substring(23)));
    assertThat(stored).noneMatch(v -> v.contains(secret.substring(0, 12)));
  }

  @Test
  void a_key_in_use_is_marked_used_at_most_once_a_minute() {
    String token = issueReader().token();

    assertThat(keys.authenticate(token).orElseThrow().lastUsedAt()).contains(START);
    clock.advance(Duration.ofSeconds(59));
    assertThat(keys.authenticate(token).orElseThrow().lastUsedAt()).contains(START);
    clock.advance(Duration.ofSeconds(1));
    Instant minuteLater = START.plus(Duration.ofMinutes(1));
    assertThat(keys.authenticate(token).orElseThrow().lastUsedAt()).contains(minuteLater);
    clock.advance(Duration.ofSeconds(30));
    assertThat(keys.authenticate(token).orElseThrow().lastUsedAt()).contains(minuteLater);
    assertThat(keys.list().getFirst().lastUsedAt()).contains(minuteLater);
  }

  @Test
  void registering_a_configured_token_twice_makes_one_key_that_authenticates() {
    ApiKey first = keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());
    clock.advance(Duration.ofDays(1));
    ApiKey second = keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());

    assertThat(second).isEqualTo(first);
    assertThat(first.id()).isEqualTo("DEM0DEM0DEM0DEM0");
    assertThat(first.createdBy()).isEqualTo(Actor.system());
    assertThat(first.createdAt()).isEqualTo(START);
    assertThat(keys.list()).hasSize(1);
    assertThat(keys.authenticate(BOOTSTRAP).orElseThrow().allows(KEYS)).isTrue();
  }

  @Test
  void registering_again_with_other_terms_refreshes_them() {
    keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());

    ApiKey refreshed =
        keys.register(BOOTSTRAP, "demo", Set.of(REQUESTS_READ, REQUESTS_WRITE), Optional.of("10"));

    assertThat(refreshed.name()).isEqualTo("demo");
    assertThat(refreshed.permissions()).containsExactlyInAnyOrder(REQUESTS_READ, REQUESTS_WRITE);
    assertThat(refreshed.workspace()).contains("10");
    assertThat(keys.authenticate(BOOTSTRAP).orElseThrow()).isEqualTo(refreshed.usedAt(START));
  }

  @Test
  void registering_after_the_installation_secret_changed_refreshes_the_hash() {
    keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());
    ApiKeys rekeyed =
        ApiKeys.open(
            db.dataSource(),
            vendor,
            clock,
            new KeyedHasher("another installation secret!!".getBytes()));

    assertThat(rekeyed.authenticate(BOOTSTRAP)).isEmpty();
    rekeyed.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());

    assertThat(rekeyed.authenticate(BOOTSTRAP)).isPresent();
    assertThat(keys.authenticate(BOOTSTRAP)).isEmpty();
  }

  @Test
  void a_revoked_configured_key_stays_revoked_when_registered_again() {
    keys.register(BOOTSTRAP, "bootstrap", Set.of(KEYS), Optional.empty());
    ApiKey revoked = keys.revoke("DEM0DEM0DEM0DEM0", admin);

    ApiKey again = keys.register(BOOTSTRAP, "renamed", Set.of(REQUESTS_READ), Optional.empty());

    assertThat(again).isEqualTo(revoked);
    assertThat(keys.authenticate(BOOTSTRAP)).isEmpty();
  }

  @Test
  void a_malformed_configured_token_is_refused_without_echoing_it() {
    String almost = BOOTSTRAP.substring(0, BOOTSTRAP.length() - 1) + "I";

    assertThatThrownBy(() -> keys.register(almost, "bootstrap", Set.of(KEYS), Optional.empty()))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessageStartingWith("an API key token is 'lethe_', 16 characters, '_' and 32")
        .hasMessageNotContaining("0123456789");
    assertThat(keys.list()).isEmpty();
  }

  @Test
  void several_instances_registering_the_same_token_at_once_make_one_key() throws Exception {
    int instances = 4;
    List<ApiKeys> started = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      started.add(ApiKeys.open(db.dataSource(), vendor, clock, HASHER));
    }
    for (int round = 0; round < 5; round++) {
      String token = BOOTSTRAP.replace("DEM0DEM0DEM0DEM0", "DEM0DEM0DEM0DEM" + round);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(instances);
      try {
        List<Future<ApiKey>> registered = new ArrayList<>();
        for (ApiKeys instance : started) {
          registered.add(
              pool.submit(
                  () -> {
                    go.await();
                    return instance.register(token, "bootstrap", Set.of(KEYS), Optional.empty());
                  }));
        }
        go.countDown();
        for (Future<ApiKey> key : registered) {
          assertThat(key.get().id()).isEqualTo("DEM0DEM0DEM0DEM" + round);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(keys.authenticate(token)).isPresent();
    }
    assertThat(keys.list()).hasSize(5);
  }

  @Test
  void an_id_that_clashes_with_an_existing_key_is_drawn_again() {
    DSLContext dsl = DSL.using(db.dataSource(), vendor.dialect());
    IssuedKey first =
        new ApiKeys(dsl, clock, HASHER, new SplittableRandom(42))
            .issue("first", Set.of(KEYS), Optional.empty(), admin);

    IssuedKey second =
        new ApiKeys(dsl, clock, HASHER, new SplittableRandom(42))
            .issue("second", Set.of(KEYS), Optional.empty(), admin);

    assertThat(second.key().id()).isNotEqualTo(first.key().id());
    assertThat(keys.authenticate(first.token()).orElseThrow().name()).isEqualTo("first");
    assertThat(keys.authenticate(second.token()).orElseThrow().name()).isEqualTo("second");
  }

  @Test
  void a_key_needs_a_printable_name_a_permission_and_a_sensible_workspace() {
    assertThatThrownBy(() -> keys.issue(" ", Set.of(KEYS), Optional.empty(), admin))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage("the name of a key must be 1 to 100 characters");
    assertThatThrownBy(() -> keys.issue("n".repeat(101), Set.of(KEYS), Optional.empty(), admin))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage("the name of a key must be 1 to 100 characters");
    assertThatThrownBy(() -> keys.issue("two\nlines", Set.of(KEYS), Optional.empty(), admin))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage("the name of a key must be printable: no control characters or line breaks");
    assertThatThrownBy(() -> keys.issue("ops", Set.of(), Optional.empty(), admin))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage(
            "a key needs at least one permission (requests:read, requests:write, holds, keys)");
    assertThatThrownBy(() -> keys.issue("ops", Set.of(KEYS), Optional.of(" "), admin))
        .isInstanceOf(InvalidApiKeyException.class)
        .hasMessage("the workspace of a key must be 1 to 255 characters");
    assertThatThrownBy(() -> keys.issue("ops", Set.of(KEYS), Optional.of("w".repeat(256)), admin))
        .isInstanceOf(InvalidApiKeyException.class);
    assertThat(keys.list()).isEmpty();

    assertThat(keys.issue(" Café Ops ", Set.of(KEYS), Optional.empty(), admin).key().name())
        .isEqualTo("Café Ops");
    assertThat(keys.issue("n".repeat(100), Set.of(KEYS), Optional.of("w".repeat(255)), admin))
        .isNotNull();
  }
}
