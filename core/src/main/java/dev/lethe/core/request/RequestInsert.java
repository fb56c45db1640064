package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import java.sql.Connection;
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
import org.jooq.SQLDialect;

/**
 * A new request's rows. The requests committed together are written with one multiple-row insert a
 * table, the inserts sent in as few round trips as the database allows ({@link #commit}): a group
 * commit's transaction is written by one caller at a time, and under Meta's callbacks each of its
 * round trips was waited for by every callback queued behind it. (A JDBC batch of single-row
 * inserts is run by the server row by row; MariaDB's driver sends it as one bulk command, still
 * executed per row.)
 *
 * <p>With bound values, the statements are rendered by jOOQ once per store and number of rows:
 * every door's requests come through here, and rendering the same inserts again for each was most
 * of a Meta callback's time in Java (the benchmark's profile).
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

  private final DSLContext dsl;

  /** Whether a group's inserts go as one statement of many: see {@link #commit}. */
  private final boolean chained;

  private final MultipleRowInsert request;
  private final MultipleRowInsert identity;
  private final MultipleRowInsert contact;
  private final MultipleRowInsert key;
  private final MultipleRowInsert event;

  RequestInsert(DSLContext dsl) {
    this.dsl = dsl;
    chained = dsl.dialect().family() == SQLDialect.POSTGRES;
    request = new MultipleRowInsert(dsl, REQUESTS, REQUEST_COLUMNS);
    identity =
        new MultipleRowInsert(
            dsl,
            IDENTITIES,
            List.of(IDENTITY_REQUEST, IDENTITY_ORDINAL, IDENTITY_KIND, IDENTITY_SEALED));
    contact =
        new MultipleRowInsert(
            dsl,
            CONTACTS,
            List.of(CONTACT_REQUEST, CONTACT_SEALED, CONTACT_LANGUAGE, CONTACT_CREATED));
    key = new MultipleRowInsert(dsl, KEYS, List.of(KEY, KEY_REQUEST, KEY_CREATED));
    event =
        new MultipleRowInsert(
            dsl,
            EVENTS,
            List.of(EVENT_REQUEST, EVENT_AT, EVENT_ACTOR, EVENT_FROM, EVENT_TO, EVENT_NOTE));
  }

  /** A new request's rows. */
  record NewRows(
      DeletionRequest request,
      List<SealedIdentity> identities,
      Optional<SealedContact> contact,
      Optional<String> idempotencyKey,
      List<RequestEvent> events) {}

  /**
   * Writes the requests' rows in a transaction of their own, committed when this returns, or none
   * of them: each table's rows in one insert (or more, past 64 rows), sent
   *
   * <ul>
   *   <li>on PostgreSQL in one round trip: the inserts as one statement of many, their values
   *       bound, in auto-commit, where the server runs the statements sent before one sync as one
   *       transaction, committed at the sync or rolled back whole at an error;
   *   <li>elsewhere as a transaction of one statement for each insert. (On MariaDB, the inserts
   *       sent as one pipelined batch with their values written out by jOOQ, the transaction begun
   *       and ended by statements instead of changes of auto-commit, two round trips in all instead
   *       of seven, measured no gain: the benchmark's notes.)
   * </ul>
   */
  void commit(List<NewRows> rows) {
    List<MultipleRowInsert.Rows> inserts = inserts(rows);
    if (chained) {
      dsl.connection(c -> MultipleRowInsert.executeChained(c, inserts));
      return;
    }
    dsl.transaction(
        tx ->
            tx.dsl()
                .connection(
                    c -> {
                      for (MultipleRowInsert.Rows insert : inserts) {
                        insert.execute(c);
                      }
                    }));
  }

  private List<MultipleRowInsert.Rows> inserts(List<NewRows> rows) {
    List<MultipleRowInsert.Rows> inserts = new ArrayList<>();
    insert(
        inserts,
        request,
        rows,
        row -> List.<Object[]>of(requestValues(row.request(), !row.identities().isEmpty())));
    insert(
        inserts,
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
    insert(
        inserts,
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
    insert(
        inserts,
        key,
        rows,
        row ->
            row.idempotencyKey().stream()
                .map(k -> new Object[] {k, id(row), utc(row.request().receivedAt())})
                .toList());
    insert(
        inserts,
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
    return inserts;
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

  /** Adds the inserts of the rows of every request in {@code into}'s table. */
  private static void insert(
      List<MultipleRowInsert.Rows> inserts,
      MultipleRowInsert into,
      List<NewRows> rows,
      Function<NewRows, List<Object[]>> values) {
    List<Object[]> all = new ArrayList<>();
    rows.forEach(row -> all.addAll(values.apply(row)));
    into.add(inserts, all);
  }

  void contact(Connection c, UUID requestId, SealedContact sealed, Instant now)
      throws SQLException {
    Object[] row = {requestId.toString(), sealed.sealedAddress(), sealed.language(), utc(now)};
    new MultipleRowInsert.Rows(contact, List.<Object[]>of(row)).execute(c);
  }

  void key(Connection c, String idempotencyKey, UUID requestId, Instant now) throws SQLException {
    Object[] row = {idempotencyKey, requestId.toString(), utc(now)};
    new MultipleRowInsert.Rows(key, List.<Object[]>of(row)).execute(c);
  }
}
