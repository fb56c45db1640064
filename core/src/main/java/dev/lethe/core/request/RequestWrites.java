package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** The write side of {@link RequestStore}: inserts, versioned updates and events. */
final class RequestWrites {

  private final DSLContext dsl;

  RequestWrites(DSLContext dsl) {
    this.dsl = dsl;
  }

  void insert(
      DeletionRequest request,
      List<SealedIdentity> identities,
      Optional<SealedContact> contact,
      Optional<String> idempotencyKey,
      List<RequestEvent> events) {
    String id = request.id().toString();
    try {
      dsl.transaction(
          c -> {
            DSLContext tx = c.dsl();
            tx.insertInto(REQUESTS)
                .set(ID, id)
                .set(CODE, request.confirmationCode())
                .set(TYPE, request.type().code())
                .set(SCOPE, request.scope())
                .set(WORKSPACE, request.workspace().orElse(null))
                .set(PARAMS, Json.write(request.params()))
                .set(JURISDICTION, request.jurisdiction())
                .set(SOURCE, request.source().code())
                .set(STATE, request.state().code())
                .set(RECEIVED_AT, utc(request.receivedAt()))
                .set(UPDATED_AT, utc(request.updatedAt()))
                .set(VERIFICATION_REQUIRED, request.verificationRequired())
                .set(GRACE_SECONDS, request.gracePeriod().map(Duration::toSeconds).orElse(null))
                .set(IDENTITY_HASHES, Json.write(request.identityHashes()))
                .set(MATCH_KEY, request.matchKey())
                .set(OPEN_MATCH_KEY, request.matchKey())
                .set(IDENTITIES_SEALED, !identities.isEmpty())
                .set(ACKNOWLEDGE_BY, deadlineTime(request, Deadline::acknowledgeBy))
                .set(COMPLETE_BY, deadlineTime(request, d -> Optional.of(d.completeBy())))
                .set(COMPLETE_RULE, request.deadline().map(Deadline::completeRule).orElse(null))
                .set(ACKNOWLEDGED_AT, request.acknowledgedAt().map(RequestRows::utc).orElse(null))
                .set(VERSION, request.version())
                .execute();
            for (int i = 0; i < identities.size(); i++) {
              tx.insertInto(IDENTITIES)
                  .set(IDENTITY_REQUEST, id)
                  .set(IDENTITY_ORDINAL, i)
                  .set(IDENTITY_KIND, identities.get(i).kind())
                  .set(IDENTITY_SEALED, identities.get(i).sealedValue())
                  .execute();
            }
            if (contact.isPresent()) {
              insertContact(tx, request.id(), contact.get(), request.receivedAt());
            }
            if (idempotencyKey.isPresent()) {
              insertKey(tx, idempotencyKey.get(), request.id(), request.receivedAt());
            }
            events.forEach(e -> insertEvent(tx, request.id(), e));
          });
    } catch (DataAccessException e) {
      throw isConflict(e) ? new RequestStore.Conflict(e) : e;
    }
  }

  private static LocalDateTime deadlineTime(
      DeletionRequest request, Function<Deadline, Optional<Instant>> part) {
    return request.deadline().flatMap(part).map(RequestRows::utc).orElse(null);
  }

  private static boolean isConflict(DataAccessException e) {
    return e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION;
  }

  private static void insertContact(
      DSLContext tx, UUID requestId, SealedContact contact, Instant now) {
    tx.insertInto(CONTACTS)
        .set(CONTACT_REQUEST, requestId.toString())
        .set(CONTACT_SEALED, contact.sealedAddress())
        .set(CONTACT_LANGUAGE, contact.language())
        .set(CONTACT_CREATED, utc(now))
        .execute();
  }

  /** Gives a request a contact it lacks; false when it has one already. */
  boolean addContact(UUID requestId, SealedContact contact, Instant now) {
    try {
      insertContact(dsl, requestId, contact, now);
      return true;
    } catch (DataAccessException e) {
      if (isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  void deleteContact(UUID requestId) {
    dsl.deleteFrom(CONTACTS).where(CONTACT_REQUEST.eq(requestId.toString())).execute();
  }

  /** Points an idempotency key at a request; false when the key already points somewhere. */
  boolean rememberKey(String idempotencyKey, UUID requestId, Instant now) {
    try {
      insertKey(dsl, idempotencyKey, requestId, now);
      return true;
    } catch (DataAccessException e) {
      if (isConflict(e)) {
        return false;
      }
      throw e;
    }
  }

  private static void insertKey(DSLContext tx, String key, UUID requestId, Instant now) {
    tx.insertInto(KEYS)
        .set(KEY, key)
        .set(KEY_REQUEST, requestId.toString())
        .set(KEY_CREATED, utc(now))
        .execute();
  }

  /**
   * Applies a change if the request is still at the version it was read at, and records its events,
   * in one transaction. A change that ends the request deletes its sealed identities.
   *
   * @throws StaleRequestException when another process changed the request first
   */
  void update(DeletionRequest current, Change change, List<RequestEvent> events) {
    String id = current.id().toString();
    dsl.transaction(
        c -> {
          DSLContext tx = c.dsl();
          int updated =
              tx.update(REQUESTS)
                  .set(STATE, change.state.code())
                  .set(HELD_FROM, change.heldFrom.map(RequestState::code).orElse(null))
                  .set(HOLD_IDS, change.holdIds.isEmpty() ? null : Json.write(change.holdIds))
                  .set(GRACE_ENDS_AT, change.graceEndsAt.map(RequestRows::utc).orElse(null))
                  .set(RUN_ID, change.runId.orElse(null))
                  .set(RECEIPT, change.receiptJson.orElse(null))
                  .set(REJECTION_REASON, change.rejectionReason.orElse(null))
                  .set(COMPLETE_BY, change.deadline.map(d -> utc(d.completeBy())).orElse(null))
                  .set(COMPLETE_RULE, change.deadline.map(Deadline::completeRule).orElse(null))
                  .set(ACKNOWLEDGED_AT, change.acknowledgedAt.map(RequestRows::utc).orElse(null))
                  .set(UPDATED_AT, utc(change.at))
                  .set(CLOSED_AT, change.closes() ? utc(change.at) : null)
                  .set(OPEN_MATCH_KEY, change.closes() ? null : current.matchKey())
                  .set(IDENTITIES_SEALED, current.identitiesSealed() && !change.closes())
                  .set(VERSION, current.version() + 1)
                  .where(ID.eq(id))
                  .and(VERSION.eq(current.version()))
                  .execute();
          if (updated != 1) {
            throw new StaleRequestException(current.id(), current.version());
          }
          if (change.closes()) {
            tx.deleteFrom(IDENTITIES).where(IDENTITY_REQUEST.eq(id)).execute();
          }
          events.forEach(e -> insertEvent(tx, current.id(), e));
        });
  }

  /** Records an event that changes no state (a merged duplicate, say). */
  void appendEvent(UUID requestId, RequestEvent event) {
    insertEvent(dsl, requestId, event);
  }

  private static void insertEvent(DSLContext tx, UUID requestId, RequestEvent event) {
    tx.insertInto(EVENTS)
        .set(EVENT_REQUEST, requestId.toString())
        .set(EVENT_AT, utc(event.at()))
        .set(EVENT_ACTOR, event.actor().code())
        .set(EVENT_FROM, event.from().map(RequestState::code).orElse(null))
        .set(EVENT_TO, event.to().code())
        .set(EVENT_NOTE, event.note().orElse(null))
        .execute();
  }
}
