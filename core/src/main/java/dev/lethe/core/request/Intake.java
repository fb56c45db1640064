package dev.lethe.core.request;

import dev.lethe.core.deadline.Deadlines;
import dev.lethe.core.deadline.DueDates;
import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.sql.TimeOrderedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a new request in: answers a repeated idempotency key with its request, merges a duplicate
 * of an open request into it, and otherwise stores the request with its identities sealed.
 *
 * <p>A new request is inserted without looking first: the unique keys on the idempotency key and on
 * an open request's match key refuse a repeat or a duplicate, and only then is the stored one read.
 * Nearly every request is new, so the look-up is saved where it would find nothing.
 */
final class Intake {

  private final RequestStore store;
  private final RequestWrites writes;
  private final KeyedHasher hasher;
  private final Sealer sealer;
  private final ConfirmationCodes codes;
  private final Deadlines deadlines;

  Intake(
      RequestStore store,
      RequestWrites writes,
      KeyedHasher hasher,
      Sealer sealer,
      ConfirmationCodes codes,
      Deadlines deadlines) {
    this.store = store;
    this.writes = writes;
    this.hasher = hasher;
    this.sealer = sealer;
    this.codes = codes;
    this.deadlines = deadlines;
  }

  Received receive(NewRequest request, Actor actor, Instant now) {
    Optional<String> key = request.idempotencyKey().map(k -> hasher.hex(k, "idempotency-key"));
    List<String> hashes =
        MatchKey.sortedDistinct(request.identities().stream().map(hasher::hash).toList());
    String matchKey =
        MatchKey.of(request.type(), request.scope(), request.workspace(), hashes, request.params());
    RequestState first =
        request.verificationRequired() ? RequestState.AWAITING_VERIFICATION : RequestState.RECEIVED;
    DeletionRequest stored = newRequest(request, hashes, matchKey, first, now);
    List<RequestEvent> events = new ArrayList<>();
    events.add(
        new RequestEvent(
            now,
            actor,
            Optional.empty(),
            RequestState.RECEIVED,
            Optional.of("received from " + request.source().code())));
    if (request.verificationRequired()) {
      events.add(
          RequestEvent.move(
              now,
              Actor.system(),
              RequestState.RECEIVED,
              RequestState.AWAITING_VERIFICATION,
              "identity verification required"));
    }
    List<SealedIdentity> sealed = seal(request.identities());
    Optional<SealedContact> contact = sealed(request);
    for (int attempt = 1; ; attempt++) {
      try {
        writes.insert(stored, sealed, contact, key, events);
        return new Received(stored, true);
      } catch (RequestStore.Conflict known) {
        // the same key or an open duplicate is stored: answer with that one, unless it closed since
        Optional<DeletionRequest> existing = existing(request, contact, key, matchKey, actor, now);
        if (existing.isPresent()) {
          return new Received(existing.get(), false);
        }
        if (attempt >= INSERT_ATTEMPTS) {
          throw known;
        }
      }
    }
  }

  /**
   * Inserts tried before giving up: a conflict whose cause is gone when looked up (an open
   * duplicate that completed in between) is tried again.
   */
  private static final int INSERT_ATTEMPTS = 3;

  private Optional<DeletionRequest> existing(
      NewRequest request,
      Optional<SealedContact> contact,
      Optional<String> key,
      String asked,
      Actor actor,
      Instant now) {
    Optional<DeletionRequest> duplicate;
    if (key.isPresent()) {
      RequestStore.Known known = store.findKnown(key.get(), asked);
      Optional<DeletionRequest> same = known.sameKey();
      if (same.filter(r -> !r.matchKey().equals(asked)).isPresent()) {
        throw new IdempotencyKeyReusedException();
      }
      if (same.isPresent()) {
        return same;
      }
      duplicate = known.openDuplicate();
    } else {
      duplicate = store.findOpenDuplicate(asked);
    }
    if (duplicate.isEmpty()) {
      return duplicate;
    }
    DeletionRequest open = duplicate.get();
    if (key.isPresent() && !writes.rememberKey(key.get(), open.id(), now)) {
      // the key was stored since it was looked up: the same request arriving again at once
      return store.findByIdempotencyKey(key.get());
    }
    writes.appendEvent(
        open.id(),
        new RequestEvent(
            now,
            actor,
            Optional.of(open.state()),
            open.state(),
            Optional.of("merged a duplicate request from " + request.source().code())));
    contact.ifPresent(given -> writes.addContact(open.id(), given, now));
    return duplicate;
  }

  private DeletionRequest newRequest(
      NewRequest request, List<String> hashes, String matchKey, RequestState state, Instant now) {
    return new DeletionRequest(
        TimeOrderedIds.next(),
        request.confirmationCode().orElseGet(codes::next),
        request.type(),
        request.scope(),
        request.workspace(),
        request.params(),
        request.jurisdiction(),
        request.source(),
        state,
        Optional.empty(),
        now,
        now,
        request.verificationRequired(),
        request.gracePeriod(),
        Optional.empty(),
        hashes,
        matchKey,
        !request.identities().isEmpty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.of(deadline(request, now)),
        // with no address to write to, the door's own answer is the acknowledgement
        request.contact().isEmpty() ? Optional.of(now) : Optional.empty(),
        0);
  }

  private Deadline deadline(NewRequest request, Instant now) {
    Jurisdiction regime = Jurisdiction.fromCode(request.jurisdiction()).orElseThrow();
    DueDates due = deadlines.dueDates(now, Set.of(regime), request.source());
    return new Deadline(due.acknowledgeBy(), due.completeBy(), due.complete().rule());
  }

  private Optional<SealedContact> sealed(NewRequest request) {
    return request.contact().map(c -> new SealedContact(sealer.seal(c.address()), c.language()));
  }

  private List<SealedIdentity> seal(List<Identity> identities) {
    return identities.stream()
        .map(i -> new SealedIdentity(i.kind().code(), sealer.seal(i.value())))
        .toList();
  }
}
