package dev.lethe.core.request;

import static dev.lethe.core.request.RequestState.*;

import dev.lethe.core.deadline.BusinessCalendar;
import dev.lethe.core.deadline.Deadlines;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of deletion requests: receive them (merging duplicates), verify, give a grace period,
 * schedule, run, verify, complete — or reject, cancel, hold, fail. Every move is checked against
 * {@link RequestState}'s table and recorded as an event with its time and actor.
 */
public final class Requests {

  private final RequestStore store;
  private final StateChanges changes;
  private final Intake intake;
  private final Sealer sealer;
  private final Extensions extensions;
  private final Holding holds;
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
    this.extensions = new Extensions(changes, deadlines);
    this.holds = new Holding(changes);
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
    return extensions.extend(get(id), reason, by, actor);
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

  /**
   * Cancelled by the subject or staff; only before the request is scheduled. A hold placed before
   * then does not stop it: withdrawing deletes nothing, and the held data stays held.
   */
  public DeletionRequest cancel(UUID id, Actor actor) {
    DeletionRequest current = get(id);
    if (current.state() == ON_HOLD
        && current.heldFrom().filter(from -> from.canMoveTo(CANCELLED)).isPresent()) {
      return changes.write(
          current, CANCELLED, actor, null, c -> c.holds(Optional.empty(), List.of()));
    }
    return changes.move(current, CANCELLED, actor, null, c -> c);
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
    return holds.hold(get(id), holdId, actor);
  }

  /**
   * A run ended with rows kept by legal holds: the request waits on those holds with the run's
   * receipt, and returns to {@code scheduled} (for a new run) when the last of them is released.
   */
  public DeletionRequest holdAfterRun(
      UUID id, List<String> holdIds, String receiptJson, Actor actor) {
    return holds.afterRun(get(id), holdIds, receiptJson, actor);
  }

  /** Lifts one hold; when none is left, the request returns to the state it was held in. */
  public DeletionRequest release(UUID id, String holdId, Actor actor) {
    return holds.release(get(id), holdId, actor);
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
