package dev.lethe.core.request;

import static dev.lethe.core.request.RequestState.*;

import dev.lethe.core.deadline.BusinessCalendar;
import dev.lethe.core.deadline.Deadlines;
import dev.lethe.core.deadline.Due;
import dev.lethe.core.deadline.DueDates;
import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.core.deadline.Promise;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.plan.ErasureRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The life of deletion requests: receive them (merging duplicates), verify, give a grace period,
 * schedule, run, verify, complete — or reject, cancel, hold, fail. Every move is checked against
 * {@link RequestState}'s table and recorded as an event with its time and actor.
 */
public final class Requests {

  private static final Pattern HOLD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final RequestStore store;
  private final StateChanges changes;
  private final Intake intake;
  private final Sealer sealer;
  private final Deadlines deadlines;
  private final Clock clock;

  /** Requests whose only promise is completion within 30 days, counted in UTC. */
  public Requests(RequestStore store, KeyedHasher hasher, Sealer sealer, Clock clock) {
    this(
        store,
        hasher,
        sealer,
        new Deadlines(
            clock,
            ProductPromises.of(Promise.completeWithin(Span.days(30))),
            BusinessCalendar.of(ZoneOffset.UTC)),
        clock);
  }

  public Requests(
      RequestStore store, KeyedHasher hasher, Sealer sealer, Deadlines deadlines, Clock clock) {
    // every database keeps microseconds: times handed out are the times read back
    clock = Clock.tick(clock, Duration.ofNanos(1_000));
    this.store = store;
    this.changes = new StateChanges(store, clock);
    this.sealer = sealer;
    this.deadlines = deadlines;
    this.clock = clock;
    this.intake =
        new Intake(store, store.writes(), hasher, sealer, new ConfirmationCodes(), deadlines);
  }

  /**
   * Takes a request in. The same idempotency key returns the request it first made; a duplicate of
   * an open request returns that request, with a "merged" event added.
   */
  public DeletionRequest receive(NewRequest request, Actor actor) {
    return take(request, actor).request();
  }

  /** As {@link #receive}, telling whether the request was stored anew. */
  public Received take(NewRequest request, Actor actor) {
    return intake.receive(request, actor, clock.instant());
  }

  /** Records that the person was told the request is received; a second call changes nothing. */
  public DeletionRequest acknowledge(UUID id, Actor actor) {
    DeletionRequest current = get(id);
    if (current.acknowledgedAt().isPresent()) {
      return current;
    }
    return changes.write(
        current, current.state(), actor, "acknowledged", c -> c.acknowledgedAt(clock.instant()));
  }

  /**
   * Moves the completion date {@code by} later, for {@code reason}, within what the request's law
   * allows.
   *
   * @throws dev.lethe.core.deadline.ExtensionRefusedException when the law allows no such extension
   */
  public DeletionRequest extend(UUID id, String reason, Span by, Actor actor) {
    DeletionRequest current = get(id);
    if (!current.isOpen()) {
      throw new IllegalTransitionException(
          "request " + id + " is " + current.state().code() + ": nothing to extend");
    }
    DueDates extended = deadlines.extend(dueDates(current), reason, by);
    Deadline moved =
        new Deadline(extended.acknowledgeBy(), extended.completeBy(), extended.complete().rule());
    String note =
        "completion extended by " + by.describe() + " to " + moved.completeBy() + ": " + reason;
    return changes.write(
        current, current.state(), actor, Notes.redact(note), c -> c.deadline(moved));
  }

  /** The request's due dates as the deadline calculator sees them, with any extension so far. */
  private DueDates dueDates(DeletionRequest request) {
    Jurisdiction regime = Jurisdiction.fromCode(request.jurisdiction()).orElse(Jurisdiction.OTHER);
    DueDates computed = deadlines.dueDates(request.receivedAt(), Set.of(regime), request.source());
    Optional<Deadline> stored = request.deadline();
    if (stored.isEmpty() || stored.get().completeBy().equals(computed.completeBy())) {
      return computed;
    }
    Due complete =
        new Due(stored.get().completeBy(), Due.SetBy.EXTENSION, stored.get().completeRule());
    return new DueDates(
        computed.receivedAt(),
        computed.jurisdictions(),
        computed.source(),
        computed.acknowledge(),
        complete,
        List.of());
  }

  /** Records something that happened to the request without moving it (a mail refused, say). */
  public void note(UUID id, Actor actor, String text) {
    DeletionRequest current = get(id);
    store
        .writes()
        .appendEvent(
            id,
            new RequestEvent(
                clock.instant(),
                actor,
                Optional.of(current.state()),
                current.state(),
                Optional.of(Notes.redact(text))));
  }

  /** Where to write to the person about the request, while mail is still to be sent. */
  public Optional<Contact> contact(UUID id) {
    return store
        .sealedContact(id)
        .map(c -> new Contact(sealer.open(c.sealedAddress()), c.language()));
  }

  /** Deletes the contact once the last mail about the request is sent. */
  public void forgetContact(UUID id) {
    store.writes().deleteContact(id);
  }

  /**
   * @throws UnknownRequestException when there is no such request
   */
  public DeletionRequest get(UUID id) {
    return store.find(id).orElseThrow(() -> new UnknownRequestException("with id " + id));
  }

  public List<RequestEvent> events(UUID id) {
    return store.events(id);
  }

  /** The subject's identity is verified: on to the grace period if there is one, else scheduled. */
  public DeletionRequest verifyIdentity(UUID id, Actor actor) {
    DeletionRequest current = get(id);
    if (current.state() != AWAITING_VERIFICATION) {
      throw new IllegalTransitionException("request " + id + " is not awaiting verification");
    }
    if (current.gracePeriod().isPresent()) {
      return startGrace(current, actor, "identity verified");
    }
    return changes.move(current, SCHEDULED, actor, "identity verified", c -> c);
  }

  public DeletionRequest startGracePeriod(UUID id, Actor actor) {
    DeletionRequest current = get(id);
    requireVerified(current);
    if (current.gracePeriod().isEmpty()) {
      throw new IllegalTransitionException("request " + id + " has no grace period");
    }
    return startGrace(current, actor, null);
  }

  private DeletionRequest startGrace(DeletionRequest current, Actor actor, String note) {
    Instant end = clock.instant().plus(current.gracePeriod().orElseThrow());
    return changes.move(current, GRACE_PERIOD, actor, note, c -> c.graceEndsAt(end));
  }

  /** Cancelled by the subject or staff; only before the request is scheduled. */
  public DeletionRequest cancel(UUID id, Actor actor) {
    return changes.move(get(id), CANCELLED, actor, null, c -> c);
  }

  /** Ready to run: received, verified and past its grace period, or failed and to be retried. */
  public DeletionRequest schedule(UUID id, Actor actor) {
    DeletionRequest current = get(id);
    requireVerified(current);
    Instant now = clock.instant();
    if (current.state() == GRACE_PERIOD
        && current.graceEndsAt().filter(now::isBefore).isPresent()) {
      throw new IllegalTransitionException(
          "request " + id + " is in its grace period until " + current.graceEndsAt().get());
    }
    return changes.move(current, SCHEDULED, actor, null, c -> c);
  }

  public DeletionRequest markRunning(UUID id, String runId, Actor actor) {
    if (runId == null || runId.isBlank() || runId.length() > 36) {
      throw new IllegalArgumentException("a run id is 1 to 36 characters");
    }
    return changes.move(get(id), RUNNING, actor, "run " + runId, c -> c.runId(runId));
  }

  public DeletionRequest markVerifying(UUID id, Actor actor) {
    return changes.move(get(id), VERIFYING, actor, null, c -> c);
  }

  /** Done: keeps the receipt and the identity hashes, deletes the sealed identities. */
  public DeletionRequest complete(UUID id, String receiptJson, Actor actor) {
    if (receiptJson == null || receiptJson.isBlank()) {
      throw new IllegalArgumentException("a completed request needs its receipt");
    }
    return changes.move(get(id), COMPLETED, actor, null, c -> c.receipt(receiptJson));
  }

  /** The run stopped; {@code reason} is kept in the event (without personal data). */
  public DeletionRequest fail(UUID id, String reason, Actor actor) {
    return changes.move(get(id), FAILED, actor, reason, c -> c);
  }

  /** Refused, with a reason the status page shows; the sealed identities are deleted. */
  public DeletionRequest reject(UUID id, String reason, Actor actor) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    String shown = Notes.redact(reason);
    return changes.move(get(id), REJECTED, actor, shown, c -> c.rejectionReason(shown));
  }

  /** Places a hold; a request already on hold collects one more. */
  public DeletionRequest hold(UUID id, String holdId, Actor actor) {
    if (holdId == null || !HOLD_ID.matcher(holdId).matches()) {
      throw new IllegalArgumentException("a hold id is a plain token of at most 64 characters");
    }
    DeletionRequest current = get(id);
    if (current.state() != ON_HOLD) {
      return changes.move(
          current,
          ON_HOLD,
          actor,
          "hold " + holdId,
          c -> c.holds(Optional.of(current.state()), List.of(holdId)));
    }
    if (current.holdIds().contains(holdId)) {
      return current;
    }
    List<String> holds = new ArrayList<>(current.holdIds());
    holds.add(holdId);
    return changes.write(
        current, ON_HOLD, actor, "hold " + holdId, c -> c.holds(current.heldFrom(), holds));
  }

  /**
   * A run ended with rows kept by legal holds: the request waits on those holds with the run's
   * receipt, and returns to {@code scheduled} (for a new run) when the last of them is released.
   */
  public DeletionRequest holdAfterRun(
      UUID id, List<String> holdIds, String receiptJson, Actor actor) {
    if (holdIds.isEmpty() || holdIds.stream().anyMatch(h -> !HOLD_ID.matcher(h).matches())) {
      throw new IllegalArgumentException("a request is held by one or more hold ids");
    }
    DeletionRequest current = get(id);
    if (current.state() != RUNNING && current.state() != VERIFYING) {
      throw new IllegalTransitionException(
          "request " + id + " is " + current.state().code() + ", not at the end of a run");
    }
    return changes.write(
        current,
        ON_HOLD,
        actor,
        "rows kept by hold " + String.join(", ", holdIds),
        c -> c.holds(Optional.of(SCHEDULED), holdIds).receipt(receiptJson).runIdCleared());
  }

  /** Lifts one hold; when none is left, the request returns to the state it was held in. */
  public DeletionRequest release(UUID id, String holdId, Actor actor) {
    DeletionRequest current = get(id);
    if (current.state() != ON_HOLD || !current.holdIds().contains(holdId)) {
      throw new IllegalTransitionException("request " + id + " is not held by " + holdId);
    }
    List<String> remaining = new ArrayList<>(current.holdIds());
    remaining.remove(holdId);
    String note = "released hold " + holdId;
    if (!remaining.isEmpty()) {
      return changes.write(
          current, ON_HOLD, actor, note, c -> c.holds(current.heldFrom(), remaining));
    }
    RequestState back = current.heldFrom().orElseThrow();
    return changes.write(current, back, actor, note, c -> c.holds(Optional.empty(), List.of()));
  }

  /** The subject's identities, unsealed, while the request is open; empty once it has ended. */
  public List<Identity> openIdentities(UUID id) {
    DeletionRequest current = get(id);
    if (!current.isOpen() || !current.identitiesSealed()) {
      return List.of();
    }
    return store.sealedIdentities(id).stream()
        .map(
            s ->
                new Identity(
                    IdentityKind.fromCode(s.kind()).orElseThrow(), sealer.open(s.sealedValue())))
        .toList();
  }

  /** What the engine needs to erase an open erasure request. */
  public ErasureRequest erasureRequest(UUID id) {
    DeletionRequest current = get(id);
    if (current.type() != RequestType.ERASURE || !current.isOpen()) {
      throw new IllegalTransitionException(
          "request " + id + " is not an open erasure (" + current.state().code() + ")");
    }
    return new ErasureRequest(
        current.scope(), openIdentities(id), current.workspace(), current.params());
  }

  private static void requireVerified(DeletionRequest current) {
    if (current.state() == AWAITING_VERIFICATION) {
      throw new IllegalTransitionException(
          "request " + current.id() + " waits for the subject's identity to be verified");
    }
  }
}
