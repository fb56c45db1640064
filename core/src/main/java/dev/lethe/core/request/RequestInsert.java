package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A new request's rows, written on the connection of the caller's transaction with statements jOOQ
 * renders once per store: every door's requests come through here, and rendering the same inserts
 * again for each was most of a Meta callback's time in Java (the benchmark's profile).
 */
final class RequestInsert {

  private static final List<Field<?>> REQUEST_COLUMNS =
      List.of(
          ID,
          CODE,
          TYPE,
          SCOPE,
          WORKSPACE,
          PARAMS,
          JURISDICTION,
          SOURCE,
          STATE,
          RECEIVED_AT,
          UPDATED_AT,
          VERIFICATION_REQUIRED,
          GRACE_SECONDS,
          IDENTITY_HASHES,
          MATCH_KEY,
          OPEN_MATCH_KEY,
          IDENTITIES_SEALED,
          ACKNOWLEDGE_BY,
          COMPLETE_BY,
          COMPLETE_RULE,
          ACKNOWLEDGED_AT,
          VERSION);

  private final String request;
  private final String identity;
  private final String contact;
  private final String key;
  private final String event;

  RequestInsert(DSLContext dsl) {
    request = insert(dsl, REQUESTS, REQUEST_COLUMNS);
    identity =
        insert(
            dsl,
            IDENTITIES,
            List.of(IDENTITY_REQUEST, IDENTITY_ORDINAL, IDENTITY_KIND, IDENTITY_SEALED));
    contact =
        insert(
            dsl,
            CONTACTS,
            List.of(CONTACT_REQUEST, CONTACT_SEALED, CONTACT_LANGUAGE, CONTACT_CREATED));
    key = insert(dsl, KEYS, List.of(KEY, KEY_REQUEST, KEY_CREATED));
    event =
        insert(
            dsl,
            EVENTS,
            List.of(EVENT_REQUEST, EVENT_AT, EVENT_ACTOR, EVENT_FROM, EVENT_TO, EVENT_NOTE));
  }

  private static String insert(DSLContext dsl, Table<?> table, List<Field<?>> columns) {
    return dsl.render(
        dsl.insertInto(table)
            .columns(columns)
            .values(columns.stream().map(c -> DSL.val(null, c)).toList()));
  }

  void write(
      Connection c,
      DeletionRequest r,
      List<SealedIdentity> identities,
      Optional<SealedContact> sealedContact,
      Optional<String> idempotencyKey,
      List<RequestEvent> events)
      throws SQLException {
    String id = r.id().toString();
    try (PreparedStatement s = c.prepareStatement(request)) {
      bind(
          s,
          id,
          r.confirmationCode(),
          r.type().code(),
          r.scope(),
          r.workspace().orElse(null),
          Json.write(r.params()),
          r.jurisdiction(),
          r.source().code(),
          r.state().code(),
          utc(r.receivedAt()),
          utc(r.updatedAt()),
          r.verificationRequired(),
          r.gracePeriod().map(Duration::toSeconds).orElse(null),
          Json.write(r.identityHashes()),
          r.matchKey(),
          r.matchKey(),
          !identities.isEmpty(),
          r.deadline().flatMap(Deadline::acknowledgeBy).map(RequestRows::utc).orElse(null),
          r.deadline().map(d -> utc(d.completeBy())).orElse(null),
          r.deadline().map(Deadline::completeRule).orElse(null),
          r.acknowledgedAt().map(RequestRows::utc).orElse(null),
          r.version());
      s.executeUpdate();
    }
    if (!identities.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement(identity)) {
        for (int i = 0; i < identities.size(); i++) {
          bind(s, id, i, identities.get(i).kind(), identities.get(i).sealedValue());
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (sealedContact.isPresent()) {
      contact(c, r.id(), sealedContact.get(), r.receivedAt());
    }
    if (idempotencyKey.isPresent()) {
      key(c, idempotencyKey.get(), r.id(), r.receivedAt());
    }
    if (!events.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement(event)) {
        for (RequestEvent e : events) {
          bind(
              s,
              id,
              utc(e.at()),
              e.actor().code(),
              e.from().map(RequestState::code).orElse(null),
              e.to().code(),
              e.note().orElse(null));
          s.addBatch();
        }
        s.executeBatch();
      }
    }
  }

  void contact(Connection c, UUID requestId, SealedContact sealed, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(contact)) {
      bind(s, requestId.toString(), sealed.sealedAddress(), sealed.language(), utc(now));
      s.executeUpdate();
    }
  }

  void key(Connection c, String idempotencyKey, UUID requestId, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(key)) {
      bind(s, idempotencyKey, requestId.toString(), utc(now));
      s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
  }
}
