package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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

  /** A new request's rows. */
  record NewRows(
      DeletionRequest request,
      List<SealedIdentity> identities,
      Optional<SealedContact> contact,
      Optional<String> idempotencyKey,
      List<RequestEvent> events) {}

  /** Writes the requests' rows, each table's rows as one JDBC batch. */
  void write(Connection c, List<NewRows> rows) throws SQLException {
    batch(
        c,
        request,
        rows,
        row -> List.<Object[]>of(requestValues(row.request(), !row.identities().isEmpty())));
    batch(
        c,
        identity,
        rows,
        row -> {
          List<Object[]> values = new ArrayList<>();
          for (int i = 0; i < row.identities().size(); i++) {
            SealedIdentity one = row.identities().get(i);
            values.add(new Object[] {id(row), i, one.kind(), one.sealedValue()});
          }
          return values;
        });
    batch(
        c,
        contact,
        rows,
        row ->
            row.contact().stream()
                .map(
                    address ->
                        new Object[] {
                          id(row),
                          address.sealedAddress(),
                          address.language(),
                          utc(row.request().receivedAt())
                        })
                .toList());
    batch(
        c,
        key,
        rows,
        row ->
            row.idempotencyKey().stream()
                .map(k -> new Object[] {k, id(row), utc(row.request().receivedAt())})
                .toList());
    batch(
        c,
        event,
        rows,
        row ->
            row.events().stream()
                .map(
                    e ->
                        new Object[] {
                          id(row),
                          utc(e.at()),
                          e.actor().code(),
                          e.from().map(RequestState::code).orElse(null),
                          e.to().code(),
                          e.note().orElse(null)
                        })
                .toList());
  }

  private static String id(NewRows row) {
    return row.request().id().toString();
  }

  private static Object[] requestValues(DeletionRequest r, boolean withIdentities) {
    return new Object[] {
      r.id().toString(),
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
      withIdentities,
      r.deadline().flatMap(Deadline::acknowledgeBy).map(RequestRows::utc).orElse(null),
      r.deadline().map(d -> utc(d.completeBy())).orElse(null),
      r.deadline().map(Deadline::completeRule).orElse(null),
      r.acknowledgedAt().map(RequestRows::utc).orElse(null),
      r.version()
    };
  }

  /** One statement, the rows of every request as one batch; nothing when there are none. */
  private static void batch(
      Connection c, String sql, List<NewRows> rows, Function<NewRows, List<Object[]>> values)
      throws SQLException {
    List<Object[]> all = new ArrayList<>();
    rows.forEach(row -> all.addAll(values.apply(row)));
    if (all.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (Object[] v : all) {
        bind(s, v);
        s.addBatch();
      }
      s.executeBatch();
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
