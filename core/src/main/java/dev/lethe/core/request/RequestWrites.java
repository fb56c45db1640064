package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import dev.lethe.core.sql.GroupCommit;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** The write side of {@link RequestStore}: inserts, versioned updates and events. */
final class RequestWrites {

  private final DSLContext dsl;
  private final RequestInsert inserts;
  private final GroupCommit<RequestInsert.NewRows> newRequests;

  RequestWrites(
      DSLContext dsl, RequestInsert inserts, GroupCommit<RequestInsert.NewRows> newRequests) {
    this.dsl = dsl;
    this.inserts = inserts;
    this.newRequests = newRequests;
  }

  /**
   * Stores a new request with its rows, in one transaction with the other requests arriving at the
   * same moment (one commit for all); returns once it is committed.
   */
  void insert(
      DeletionRequest request,
      List<SealedIdentity> identities,
      Optional<SealedContact> contact,
      Optional<String> idempotencyKey,
      List<RequestEvent> events) {
    try {
      newRequests.write(
          new RequestInsert.NewRows(request, identities, contact, idempotencyKey, events));
    } catch (DataAccessException e) {
      throw isConflict(e) ? new RequestStore.Conflict(e) : e;
    }
  }

  /** A unique key refused the row, whether jOOQ ran the statement or JDBC did (in a batch too). */
  private static boolean isConflict(DataAccessException e) {
    if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** Gives a request a contact it lacks; false when it has one already. */
  boolean addContact(UUID requestId, SealedContact contact, Instant now) {
    try {
      dsl.connection(c -> inserts.contact(c, requestId, contact, now));
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
      dsl.connection(c -> inserts.key(c, idempotencyKey, requestId, now));
      return true;
    } catch (DataAccessException e) {
      if (isConflict(e)) {
        return false;
      }
      throw e;
    }
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
