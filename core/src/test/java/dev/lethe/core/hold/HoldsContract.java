package dev.lethe.core.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
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
import java.util.TimeZone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds placed and lifted through the service, on each database Lethe keeps its state in. */
abstract class HoldsContract {

  static final Instant START = Instant.parse("2025-03-01T10:15:30.123456Z");
  static final KeyedHasher HASHER = new KeyedHasher("a test installation secret, 32 b".getBytes());
  static final Identity CAROL = new Identity(IdentityKind.EMAIL, "carol@example.com");

  final SettableClock clock = new SettableClock(START);
  final Actor legal = Actor.operator("legal-1");
  TestDatabase db;
  DSLContext sql;
  Holds holds;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    db = TestDatabase.create(kind());
    Vendor vendor =
        switch (kind()) {
          case H2 -> Vendor.H2;
          case POSTGRESQL -> Vendor.POSTGRESQL;
          case MARIADB -> Vendor.MARIADB;
        };
    holds = Holds.open(db.dataSource(), vendor, clock, HASHER);
    sql = DSL.using(db.dataSource(), vendor.dialect());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void a_workspace_hold_is_found_as_placed_and_holds_the_tenant() {
    Hold placed =
        holds.place(
            NewHold.onWorkspace("10", "litigation with Acme").withReference("CASE-2025-17"), legal);

    assertThat(holds.find(placed.id())).contains(placed);
    assertThat(placed.target()).isEqualTo(new LegalHold.Tenant("10"));
    assertThat(placed.reason()).isEqualTo("litigation with Acme");
    assertThat(placed.reference()).contains("CASE-2025-17");
    assertThat(placed.placedAt()).isEqualTo(START);
    assertThat(placed.placedBy()).isEqualTo(legal);
    assertThat(placed.active(START)).isTrue();
    assertThat(placed.liftedAt()).isEmpty();
  }

  @Test
  void an_identity_hold_is_found_by_its_kind_and_keyed_hash() {
    Hold placed = holds.place(NewHold.onIdentity(CAROL, "subpoena"), legal);

    Hold found = holds.find(placed.id()).orElseThrow();

    assertThat(found).isEqualTo(placed);
    assertThat(found.target())
        .isEqualTo(new LegalHold.OnIdentity(IdentityKind.EMAIL, HASHER.hash(CAROL)));
  }

  @Test
  void a_row_hold_is_found_with_its_entity_and_key_and_expiry() {
    Instant expiry = START.plus(Duration.ofDays(90));
    Hold placed =
        holds.place(NewHold.onRow("conversations", "1001", "dispute").expiringAt(expiry), legal);

    Hold found = holds.find(placed.id()).orElseThrow();

    assertThat(found).isEqualTo(placed);
    assertThat(found.target()).isEqualTo(new LegalHold.Row("conversations", "1001"));
    assertThat(found.expiresAt()).contains(expiry);
    assertThat(found.toLegalHold())
        .isEqualTo(
            new LegalHold(
                placed.id(),
                new LegalHold.Row("conversations", "1001"),
                "dispute",
                Optional.of(expiry)));
  }

  @Test
  void the_identity_value_is_stored_in_no_column() {
    holds.place(NewHold.onIdentity(CAROL, "subpoena").withReference("CASE-1"), legal);

    List<String> stored = new ArrayList<>();
    for (Record row : sql.selectFrom(DSL.table(DSL.name("lethe_holds"))).fetch()) {
      for (Object value : row.intoArray()) {
        stored.add(String.valueOf(value).toLowerCase());
      }
    }

    assertThat(stored).hasSizeGreaterThan(10).contains(HASHER.hash(CAROL));
    assertThat(stored).noneMatch(v -> v.contains("carol"));
  }

  @Test
  void an_expired_hold_and_a_lifted_hold_are_not_in_force() {
    Hold lapsing =
        holds.place(
            NewHold.onWorkspace("10", "audit").expiringAt(START.plus(Duration.ofHours(1))), legal);
    Hold lifted = holds.place(NewHold.onRow("contacts", "7", "dispute"), legal);
    Hold standing = holds.place(NewHold.onIdentity(CAROL, "subpoena"), legal);
    holds.lift(lifted.id(), legal, "settled");

    assertThat(holds.inForce())
        .extracting(LegalHold::id)
        .containsExactlyInAnyOrder(lapsing.id(), standing.id());

    clock.advance(Duration.ofHours(1));

    assertThat(holds.inForce()).containsExactly(standing.toLegalHold());
    assertThat(holds.find(lapsing.id()).orElseThrow().active(clock.instant())).isFalse();
    assertThat(holds.find(lifted.id()).orElseThrow().active(clock.instant())).isFalse();
  }

  @Test
  void an_expiry_that_is_not_in_the_future_is_refused_and_nothing_is_stored() {
    assertThatThrownBy(
            () -> holds.place(NewHold.onWorkspace("10", "audit").expiringAt(START), legal))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessageContaining("the expiry must be in the future");
    assertThatThrownBy(
            () ->
                holds.place(
                    NewHold.onWorkspace("10", "audit").expiringAt(START.minusSeconds(1)), legal))
        .isInstanceOf(InvalidHoldException.class);

    assertThat(holds.list(HoldFilter.all())).isEmpty();
  }

  @Test
  void listing_shows_newest_first_and_filters_by_activity_workspace_and_page() {
    Hold first = holds.place(NewHold.onWorkspace("10", "audit"), legal);
    clock.advance(Duration.ofMinutes(1));
    Hold second = holds.place(NewHold.onWorkspace("20", "audit"), legal);
    clock.advance(Duration.ofMinutes(1));
    Hold third = holds.place(NewHold.onWorkspace("10", "litigation"), legal);
    clock.advance(Duration.ofMinutes(1));
    Hold fourth = holds.place(NewHold.onIdentity(CAROL, "subpoena"), legal);
    holds.lift(second.id(), legal, null);

    assertThat(holds.list(HoldFilter.all()))
        .extracting(Hold::id)
        .containsExactly(fourth.id(), third.id(), second.id(), first.id());
    assertThat(holds.list(HoldFilter.active()))
        .extracting(Hold::id)
        .containsExactly(fourth.id(), third.id(), first.id());
    assertThat(holds.list(HoldFilter.all().inWorkspace("10")))
        .extracting(Hold::id)
        .containsExactly(third.id(), first.id());
    assertThat(holds.list(HoldFilter.active().inWorkspace("20"))).isEmpty();
    assertThat(holds.list(HoldFilter.all().page(1, 2)))
        .extracting(Hold::id)
        .containsExactly(third.id(), second.id());
  }

  @Test
  void a_workspace_filter_matches_the_workspace_exactly() {
    Hold lower = holds.place(NewHold.onWorkspace("acme", "audit"), legal);
    holds.place(NewHold.onWorkspace("ACME", "audit"), legal);

    assertThat(holds.list(HoldFilter.all().inWorkspace("acme")))
        .extracting(Hold::id)
        .containsExactly(lower.id());
  }

  @Test
  void a_lifted_hold_records_who_lifted_it_when_and_why() {
    Hold placed = holds.place(NewHold.onWorkspace("10", "audit"), legal);
    clock.advance(Duration.ofDays(3));

    Hold lifted = holds.lift(placed.id(), Actor.operator("legal-2"), "  audit closed ");

    assertThat(lifted.liftedAt()).contains(START.plus(Duration.ofDays(3)));
    assertThat(lifted.liftedBy()).contains(Actor.operator("legal-2"));
    assertThat(lifted.liftNote()).contains("audit closed");
    assertThat(holds.find(placed.id())).contains(lifted);
  }

  @Test
  void lifting_a_hold_twice_is_refused_and_keeps_the_first_lift() {
    Hold placed = holds.place(NewHold.onWorkspace("10", "audit"), legal);
    Hold lifted = holds.lift(placed.id(), legal, "first");
    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> holds.lift(placed.id(), Actor.operator("legal-2"), "second"))
        .isInstanceOf(HoldAlreadyLiftedException.class)
        .hasMessageContaining(placed.id())
        .hasMessageContaining(START.toString());
    assertThat(holds.find(placed.id())).contains(lifted);
  }

  @Test
  void lifting_or_finding_an_unknown_hold_is_reported_as_such() {
    Hold placed = holds.place(NewHold.onWorkspace("10", "audit"), legal);

    assertThatThrownBy(() -> holds.lift("6f1c0a4e-0000-4000-8000-000000000000", legal, null))
        .isInstanceOf(UnknownHoldException.class);
    assertThat(holds.find("6f1c0a4e-0000-4000-8000-000000000000")).isEmpty();
    assertThat(holds.find(placed.id().toUpperCase())).isEmpty();
    assertThat(holds.find(placed.id() + " ")).isEmpty();
  }

  @Test
  void a_lift_note_longer_than_500_characters_is_refused() {
    Hold placed = holds.place(NewHold.onWorkspace("10", "audit"), legal);

    assertThatThrownBy(() -> holds.lift(placed.id(), legal, "x".repeat(501)))
        .isInstanceOf(InvalidHoldException.class)
        .hasMessage("the note must be at most 500 characters");
    assertThat(holds.find(placed.id()).orElseThrow().lifted()).isFalse();
  }

  @Test
  void times_are_kept_in_utc_whatever_the_session_time_zone() {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Jakarta"));
    try {
      Instant expiry = START.plus(Duration.ofDays(1));
      Hold placed = holds.place(NewHold.onWorkspace("10", "audit").expiringAt(expiry), legal);

      Hold found = holds.find(placed.id()).orElseThrow();

      assertThat(found.placedAt()).isEqualTo(START);
      assertThat(found.expiresAt()).contains(expiry);
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void of_two_lifts_at_once_one_succeeds_and_the_other_is_told_it_was_lifted()
      throws InterruptedException {
    for (int round = 0; round < 5; round++) {
      Hold placed = holds.place(NewHold.onWorkspace("10", "audit " + round), legal);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Hold>> lifts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          Actor by = Actor.operator("legal-" + t);
          lifts.add(
              pool.submit(
                  () -> {
                    go.await();
                    return holds.lift(placed.id(), by, null);
                  }));
        }
        go.countDown();
        int succeeded = 0;
        int refused = 0;
        for (Future<Hold> lift : lifts) {
          try {
            lift.get();
            succeeded++;
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(HoldAlreadyLiftedException.class);
            refused++;
          }
        }
        assertThat(succeeded).isEqualTo(1);
        assertThat(refused).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
