package dev.lethe.core.desk;

import dev.lethe.core.deadline.Span;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Preview;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.Received;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.Requests;
import dev.lethe.core.retention.RetentionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where every door hands its requests in, and what carries them to the end: acknowledgement and
 * verification mails, the grace period, execution by the engine with the legal holds in force, the
 * receipt in the ledger, the confirmation mail. Background steps go through {@link Work}, so
 * nothing is lost when a process dies; each step reads the request's state first, so running a step
 * twice does nothing twice.
 */
public final class Desk {

  /** The ledger entry type of an erasure's receipt (reference: the request id). */
  public static final String ERASURE_ENTRY = "erasure-receipt";

  /** The ledger entry type of a retention sweep's outcome (reference: {@code retention:<rule>}). */
  public static final String RETENTION_ENTRY = "retention-sweep";

  private final DeskParts parts;
  private final Requests requests;
  private final Work work;
  private final Execution execution;
  private final Letters letters;

  public Desk(DeskParts parts) {
    this.parts = parts;
    this.requests = parts.requests();
    this.work = parts.work();
    this.execution = new Execution(parts);
    this.letters = new Letters(parts);
  }

  /**
   * Takes a request in and starts it on its way: mails to the person when a contact is given (else
   * the door's own answer is the acknowledgement, recorded at intake); then verification, grace
   * period or execution. A repeated or merged request is returned as it is.
   */
  public Received receive(NewRequest request, Actor actor) {
    return receive(request, actor, true);
  }

  /**
   * As {@link #receive(NewRequest, Actor)}, but a request awaiting verification is left to staff:
   * no link or code is mailed. For identifiers a mailed link cannot prove (a phone number or a Meta
   * id typed into a form): a person who controls the contact address need not be the one those
   * identifiers belong to.
   */
  public Received receiveForStaffVerification(NewRequest request, Actor actor) {
    return receive(request, actor, false);
  }

  private Received receive(NewRequest request, Actor actor, boolean mailVerification) {
    parts
        .lethe()
        .check(
            new ErasureRequest(
                request.scope(), request.identities(), request.workspace(), request.params()));
    Received received = requests.take(request, actor);
    if (!received.created()) {
      return received;
    }
    DeletionRequest stored = received.request();
    if (request.contact().isPresent()) {
      work.mail(stored.id(), MailKind.ACKNOWLEDGEMENT);
      if (mailVerification && stored.state() == RequestState.AWAITING_VERIFICATION) {
        work.mail(stored.id(), MailKind.VERIFICATION);
      }
    }
    return new Received(advance(stored), true);
  }

  /** Queues what comes next for a request that may move on by itself. */
  private DeletionRequest advance(DeletionRequest request) {
    Instant now = parts.clock().instant();
    switch (request.state()) {
      case RECEIVED -> {
        if (request.gracePeriod().isPresent()) {
          DeletionRequest graced = requests.startGracePeriod(request.id(), Actor.system());
          work.execute(graced.id(), graced.graceEndsAt().orElseThrow());
          return graced;
        }
        work.execute(request.id(), now);
      }
      case GRACE_PERIOD -> work.execute(request.id(), request.graceEndsAt().orElse(now));
      case SCHEDULED, RUNNING, VERIFYING, FAILED -> work.execute(request.id(), now);
      default -> {}
    }
    return request;
  }

  /**
   * One execution step; see {@link Execution}.
   *
   * @return when to run the step again, if the request is not yet due (its grace period) or moved
   *     back while it ran
   */
  public Optional<Instant> execute(UUID requestId) {
    return execution.execute(requestId);
  }

  /** Sends one mail about the request; see {@link Letters}. */
  public void sendMail(UUID requestId, MailKind kind) {
    letters.send(requestId, kind);
  }

  /** The person followed the mailed link. */
  public DeletionRequest verifyByLink(String token) {
    UUID id = parts.verifications().redeemToken(token);
    return verified(id, Actor.subject());
  }

  /** The person (or staff on their behalf) typed the mailed code. */
  public DeletionRequest verifyByCode(UUID requestId, String code, Actor actor) {
    requireAwaitingVerification(requestId);
    parts.verifications().redeemCode(requestId, code);
    return verified(requestId, actor);
  }

  /**
   * The person's identity was verified by other means (staff, a signed callback; the note says
   * how).
   */
  public DeletionRequest verifyManually(UUID requestId, Actor actor, String note) {
    requireAwaitingVerification(requestId);
    requests.note(requestId, actor, "identity verified: " + note);
    return verified(requestId, actor);
  }

  /** Mails a fresh link and code; what was sent before stops working. */
  public void resendVerification(UUID requestId) {
    requireAwaitingVerification(requestId);
    if (requests.contact(requestId).isEmpty()) {
      throw new IllegalTransitionException(
          "request " + requestId + " has no contact address to send a verification to");
    }
    work.mail(requestId, MailKind.VERIFICATION);
  }

  private void requireAwaitingVerification(UUID requestId) {
    if (requests.get(requestId).state() != RequestState.AWAITING_VERIFICATION) {
      throw new IllegalTransitionException(
          "request " + requestId + " is not awaiting verification");
    }
  }

  private DeletionRequest verified(UUID id, Actor actor) {
    // the spent link stays, also once the request ended, so a second click says it was used
    return advance(requests.verifyIdentity(id, actor));
  }

  /** Withdrawn before it was scheduled; the person's address and any pending link are dropped. */
  public DeletionRequest cancel(UUID requestId, Actor actor) {
    DeletionRequest cancelled = requests.cancel(requestId, actor);
    parts.verifications().discard(requestId);
    requests.forgetContact(requestId);
    return cancelled;
  }

  /** Refused with a reason the status page shows and the person is mailed. */
  public DeletionRequest reject(UUID requestId, String reason, Actor actor) {
    DeletionRequest rejected = requests.reject(requestId, reason, actor);
    parts.verifications().discard(requestId);
    if (requests.contact(requestId).isPresent()) {
      work.mail(requestId, MailKind.REJECTION);
    }
    return rejected;
  }

  public DeletionRequest extend(UUID requestId, String reason, Span by, Actor actor) {
    return requests.extend(requestId, reason, by, actor);
  }

  /** Exact counts of what the request would do now, with the holds in force; changes nothing. */
  public Preview preview(ErasureRequest request) {
    return parts.lethe().plan(request, parts.holds().get()).preview();
  }

  /** The counts for an open request, from its sealed identities. */
  public Preview preview(UUID requestId) {
    return preview(requests.erasureRequest(requestId));
  }

  /** Every run's receipt of the request, from the ledger, oldest first. */
  public List<Receipt> receipts(UUID requestId) {
    return parts.receipts().of(requestId);
  }

  /** Every run's receipt of the request, from the ledger, added up. */
  public ReceiptSummary summary(UUID requestId) {
    return ReceiptSummary.of(parts.receipts().of(requestId));
  }

  /**
   * A hold was lifted (or lapsed): requests it kept wait for their other holds, or go on.
   *
   * @return the requests that went on
   */
  public List<DeletionRequest> holdLifted(String holdId) {
    Set<String> inForce = holdIdsInForce();
    return onHold().stream()
        .filter(r -> r.holdIds().contains(holdId) && !inForce.contains(holdId))
        .map(r -> advance(requests.release(r.id(), holdId, Actor.system())))
        .toList();
  }

  /**
   * Releases holds that expired or were lifted while requests waited on them, and queues any open
   * request that should be moving but has no step queued (a crash between storing and queueing):
   * the safety net run on a schedule.
   */
  public void sweep() {
    Set<String> inForce = holdIdsInForce();
    for (DeletionRequest held : onHold()) {
      for (String holdId : held.holdIds()) {
        if (!inForce.contains(holdId)) {
          DeletionRequest released = requests.release(held.id(), holdId, Actor.system());
          if (released.state() != RequestState.ON_HOLD) {
            advance(released);
          }
        }
      }
    }
    LostSteps.requeue(parts.store(), work, parts.clock().instant());
  }

  /**
   * Applies the data map's retention rules with the holds in force, each sweep's outcome recorded
   * in the ledger.
   */
  public List<RetentionOutcome> sweepRetention() {
    List<RetentionOutcome> outcomes =
        parts.lethe().sweepRetention(Optional.empty(), parts.holds().get());
    for (RetentionOutcome outcome : outcomes) {
      parts
          .ledger()
          .append(
              RETENTION_ENTRY,
              retentionReference(outcome.rule()),
              ReceiptJson.writeRecord(outcome));
    }
    return outcomes;
  }

  /** The ledger reference of a retention rule's sweeps: {@code retention:<rule>}. */
  public static String retentionReference(String rule) {
    return "retention:" + rule;
  }

  /** Every request on hold, all read before any is released (a release moves it out of the set). */
  private List<DeletionRequest> onHold() {
    return LostSteps.all(parts.store(), RequestFilter.all().inStates(Set.of(RequestState.ON_HOLD)));
  }

  private Set<String> holdIdsInForce() {
    return Set.copyOf(parts.holds().get().stream().map(LegalHold::id).toList());
  }
}
