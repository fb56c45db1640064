package dev.lethe.core.request;

import static dev.lethe.core.request.RequestFixture.START;
import static dev.lethe.core.request.RequestFixture.email;
import static dev.lethe.core.request.RequestState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state machine of requests, on each database Lethe keeps its state in. */
abstract class RequestLifecycleContract {

  RequestFixture fixture;
  Requests requests;
  final Actor operator = Actor.operator("op-7");

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    fixture = new RequestFixture(kind());
    requests = fixture.requests;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void a_request_goes_from_received_to_completed_and_every_step_is_an_event_in_order() {
    NewRequest asked =
        NewRequest.erasure(
                "contact", List.of(email("carol@example.com")), "EU", RequestSource.WEB_FORM)
            .inWorkspace("10")
            .withVerification()
            .withGracePeriod(Duration.ofDays(14));
    UUID id = requests.receive(asked, Actor.subject()).id();
    fixture.clock.advance(Duration.ofHours(1));
    requests.verifyIdentity(id, operator);
    fixture.clock.advance(Duration.ofDays(14));
    requests.schedule(id, Actor.system());
    requests.markRunning(id, "7d0c4f5e-0000-4000-8000-000000000001", Actor.system());
    requests.markVerifying(id, Actor.system());
    DeletionRequest done = requests.complete(id, "{\"runId\":\"r\"}", Actor.system());

    assertThat(done.state()).isEqualTo(COMPLETED);
    assertThat(done.receivedAt()).isEqualTo(START);
    assertThat(done.graceEndsAt())
        .contains(START.plus(Duration.ofHours(1)).plus(Duration.ofDays(14)));
    assertThat(done.runId()).contains("7d0c4f5e-0000-4000-8000-000000000001");
    assertThat(done.receiptJson()).contains("{\"runId\":\"r\"}");
    assertThat(done.version()).isEqualTo(5);
    assertThat(requests.events(id))
        .extracting(e -> e.from().map(RequestState::code).orElse("-") + ">" + e.to().code())
        .containsExactly(
            "->received",
            "received>awaiting_verification",
            "awaiting_verification>grace_period",
            "grace_period>scheduled",
            "scheduled>running",
            "running>verifying",
            "verifying>completed");
    List<RequestEvent> events = requests.events(id);
    assertThat(events.get(0).actor()).isEqualTo(Actor.subject());
    assertThat(events.get(0).at()).isEqualTo(START);
    assertThat(events.get(2).actor()).isEqualTo(operator);
    assertThat(events.get(2).at()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(events.get(6).at()).isEqualTo(fixture.clock.instant());
    assertThat(events.get(4).note()).contains("run 7d0c4f5e-0000-4000-8000-000000000001");
  }

  @Test
  void every_move_outside_the_table_is_refused_and_changes_nothing() {
    Map<RequestState, Function<UUID, DeletionRequest>> moves =
        Map.of(
            GRACE_PERIOD, id -> requests.startGracePeriod(id, operator),
            SCHEDULED, id -> requests.schedule(id, operator),
            RUNNING, id -> requests.markRunning(id, "run-2", operator),
            VERIFYING, id -> requests.markVerifying(id, operator),
            COMPLETED, id -> requests.complete(id, "{}", operator),
            FAILED, id -> requests.fail(id, "boom", operator),
            REJECTED, id -> requests.reject(id, "not ours", operator),
            CANCELLED, id -> requests.cancel(id, operator),
            ON_HOLD, id -> requests.hold(id, "hold-2", operator));
    int refused = 0;
    for (RequestState from : RequestState.values()) {
      DeletionRequest request = fixture.requestIn(from);
      for (var move : moves.entrySet()) {
        if (allowed(from, move.getKey())) {
          continue;
        }
        assertThatThrownBy(() -> move.getValue().apply(request.id()))
            .as("%s -> %s", from, move.getKey())
            .isInstanceOf(IllegalTransitionException.class)
            .hasMessageContaining(request.id().toString());
        refused++;
      }
      DeletionRequest after = requests.get(request.id());
      assertThat(after.state()).isEqualTo(from);
      assertThat(after.version()).isEqualTo(request.version());
    }
    assertThat(refused).isGreaterThan(50);
  }

  @Test
  void a_request_held_before_it_was_scheduled_can_still_be_withdrawn() {
    DeletionRequest received = fixture.requestIn(RECEIVED);
    requests.hold(received.id(), "hold-9", operator);

    DeletionRequest cancelled = requests.cancel(received.id(), Actor.subject());

    assertThat(cancelled.state()).isEqualTo(CANCELLED);
    assertThat(cancelled.holdIds()).isEmpty();
    assertThat(fixture.store.sealedIdentities(received.id())).isEmpty();
  }

  /** The table, less what waits for something: verification, the grace period, a release. */
  private static boolean allowed(RequestState from, RequestState to) {
    return switch (from) {
      case ON_HOLD -> to == ON_HOLD;
      case AWAITING_VERIFICATION -> from.canMoveTo(to) && to != GRACE_PERIOD && to != SCHEDULED;
      case GRACE_PERIOD -> from.canMoveTo(to) && to != SCHEDULED;
      default -> from.canMoveTo(to);
    };
  }

  @Test
  void an_illegal_move_says_where_the_request_may_go() {
    DeletionRequest running = fixture.requestIn(RUNNING);
    assertThatThrownBy(() -> requests.cancel(running.id(), Actor.subject()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("cannot move from running to cancelled (allowed: verifying, failed)");
  }

  @Test
  void a_request_cannot_be_scheduled_before_its_grace_period_ends_but_can_be_cancelled() {
    DeletionRequest grace = fixture.requestIn(GRACE_PERIOD);
    fixture.clock.advance(Duration.ofDays(6));
    assertThatThrownBy(() -> requests.schedule(grace.id(), Actor.system()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("grace period until");
    assertThat(requests.cancel(grace.id(), Actor.subject()).state()).isEqualTo(CANCELLED);
  }

  @Test
  void a_request_awaiting_verification_cannot_skip_it() {
    DeletionRequest waiting = fixture.requestIn(AWAITING_VERIFICATION);
    assertThatThrownBy(() -> requests.schedule(waiting.id(), operator))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("verified");
    assertThatThrownBy(() -> requests.startGracePeriod(waiting.id(), operator))
        .isInstanceOf(IllegalTransitionException.class);
    DeletionRequest verified = requests.verifyIdentity(waiting.id(), operator);
    assertThat(verified.state()).isEqualTo(GRACE_PERIOD);
  }

  @Test
  void of_two_updates_from_the_same_version_only_one_wins() {
    DeletionRequest read = fixture.requestIn(RECEIVED);
    Instant now = fixture.clock.instant();
    RequestWrites writes = fixture.store.writes();
    RequestEvent event = RequestEvent.move(now, operator, RECEIVED, SCHEDULED, null);

    writes.update(read, Change.to(read, SCHEDULED, now), List.of(event));

    assertThatThrownBy(() -> writes.update(read, Change.to(read, CANCELLED, now), List.of(event)))
        .isInstanceOf(StaleRequestException.class)
        .hasMessageContaining("version 0");
    assertThat(requests.get(read.id()).state()).isEqualTo(SCHEDULED);
    assertThat(requests.events(read.id())).hasSize(2);
  }

  @Test
  void a_held_request_returns_where_it_was_once_every_hold_is_released() {
    DeletionRequest scheduled = fixture.requestIn(SCHEDULED);
    requests.hold(scheduled.id(), "litigation-1", operator);
    DeletionRequest twice = requests.hold(scheduled.id(), "audit-2", operator);
    assertThat(twice.holdIds()).containsExactly("litigation-1", "audit-2");
    assertThat(twice.heldFrom()).contains(SCHEDULED);

    assertThatThrownBy(() -> requests.markRunning(scheduled.id(), "run", Actor.system()))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(requests.release(scheduled.id(), "litigation-1", operator).state())
        .isEqualTo(ON_HOLD);
    DeletionRequest released = requests.release(scheduled.id(), "audit-2", operator);

    assertThat(released.state()).isEqualTo(SCHEDULED);
    assertThat(released.holdIds()).isEmpty();
    assertThat(released.heldFrom()).isEmpty();
    assertThatThrownBy(() -> requests.release(scheduled.id(), "audit-2", operator))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(requests.events(scheduled.id()))
        .extracting(RequestEvent::to)
        .endsWith(ON_HOLD, ON_HOLD, ON_HOLD, SCHEDULED);
  }

  @Test
  void a_failed_request_can_run_again() {
    DeletionRequest failed = fixture.requestIn(FAILED);
    assertThat(requests.events(failed.id()).getLast().note()).contains("timeout");
    assertThat(requests.markRunning(failed.id(), "run-3", Actor.system()).runId())
        .contains("run-3");
  }

  @Test
  void a_rejection_keeps_its_reason_for_the_status_page_without_personal_data() {
    DeletionRequest rejected =
        requests.reject(
            fixture.requestIn(RECEIVED).id(), "No account found for carol@example.com", operator);
    assertThat(rejected.rejectionReason()).contains("No account found for <redacted>");
    assertThat(rejected.identitiesSealed()).isFalse();
    assertThat(requests.openIdentities(rejected.id())).isEmpty();
    assertThat(requests.events(rejected.id()).getLast().note())
        .contains("No account found for <redacted>");
  }

  @Test
  void an_unknown_request_is_reported_as_such() {
    UUID nobody = UUID.randomUUID();
    assertThatThrownBy(() -> requests.get(nobody)).isInstanceOf(UnknownRequestException.class);
    assertThatThrownBy(() -> requests.cancel(nobody, operator))
        .isInstanceOf(UnknownRequestException.class);
    assertThat(fixture.store.findByConfirmationCode("NOSUCHCODE")).isEqualTo(Optional.empty());
  }
}
