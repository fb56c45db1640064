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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

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

  /** At most this many rows go in one insert; a table's rows beyond them take another. */
  static final int ROWS_PER_STATEMENT = 64;

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

  private final MultipleRows request;
  private final MultipleRows identity;
  private final MultipleRows contact;
  private final MultipleRows key;
  private final MultipleRows event;

  RequestInsert(DSLContext dsl) {
    this.dsl = dsl;
    chained = dsl.dialect().family() == SQLDialect.POSTGRES;
    request = new MultipleRows(dsl, REQUESTS, REQUEST_COLUMNS);
    identity =
        new MultipleRows(
            dsl,
            IDENTITIES,
            List.of(IDENTITY_REQUEST, IDENTITY_ORDINAL, IDENTITY_KIND, IDENTITY_SEALED));
    contact =
        new MultipleRows(
            dsl,
            CONTACTS,
            List.of(CONTACT_REQUEST, CONTACT_SEALED, CONTACT_LANGUAGE, CONTACT_CREATED));
    key = new MultipleRows(dsl, KEYS, List.of(KEY, KEY_REQUEST, KEY_CREATED));
    event =
        new MultipleRows(
            dsl,
            EVENTS,
            List.of(EVENT_REQUEST, EVENT_AT, EVENT_ACTOR, EVENT_FROM, EVENT_TO, EVENT_NOTE));
  }

  /**
   * One table's insert of {@code n} rows, rendered the first time {@code n} rows are written at
   * once (at most {@link #ROWS_PER_STATEMENT} renderings a table).
   */
  private static final class MultipleRows {

    private final DSLContext dsl;
    private final Table<?> table;
    private final List<Field<?>> columns;
    private final AtomicReferenceArray<String> rendered =
        new AtomicReferenceArray<>(ROWS_PER_STATEMENT + 1);

    MultipleRows(DSLContext dsl, Table<?> table, List<Field<?>> columns) {
      this.dsl = dsl;
      this.table = table;
      this.columns = columns;
    }

    String sql(int rows) {
      String sql = rendered.get(rows);
      if (sql == null) {
        sql = render(table, rows);
        rendered.set(rows, sql);
      }
      return sql;
    }

    private <R extends Record> String render(Table<R> into, int rows) {
      List<Field<?>> placeholders = columns.stream().<Field<?>>map(c -> DSL.val(null, c)).toList();
      InsertValuesStepN<R> insert = dsl.insertInto(into).columns(columns).values(placeholders);
      for (int i = 1; i < rows; i++) {
        insert = insert.values(placeholders);
      }
      return dsl.render(insert);
    }
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
    List<Insert> inserts = inserts(rows);
    if (chained) {
      dsl.connection(c -> writeChained(c, inserts));
      return;
    }
    dsl.transaction(
        tx ->
            tx.dsl()
                .connection(
                    c -> {
                      for (Insert insert : inserts) {
                        insert.execute(c);
                      }
                    }));
  }

  private List<Insert> inserts(List<NewRows> rows) {
    List<Insert> inserts = new ArrayList<>();
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

  /** One insert: its table's statement and its rows, at most {@link #ROWS_PER_STATEMENT}. */
  private record Insert(MultipleRows into, List<Object[]> rows) {

    String sql() {
      return into.sql(rows.size());
    }

    /** Binds the rows' values from {@code index} on; returns the index after the last. */
    int bind(PreparedStatement s, int index) throws SQLException {
      for (Object[] row : rows) {
        for (Object value : row) {
          s.setObject(index++, value);
        }
      }
      return index;
    }

    /** Runs the insert as a statement of its own. */
    void execute(Connection c) throws SQLException {
      try (PreparedStatement s = c.prepareStatement(sql())) {
        bind(s, 1);
        s.executeUpdate();
      }
    }
  }

  /** Adds the inserts of the rows of every request in {@code into}'s table. */
  private static void insert(
      List<Insert> inserts,
      MultipleRows into,
      List<NewRows> rows,
      Function<NewRows, List<Object[]>> values) {
    List<Object[]> all = new ArrayList<>();
    rows.forEach(row -> all.addAll(values.apply(row)));
    for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
      inserts.add(
          new Insert(into, all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT))));
    }
  }

  private static void writeChained(Connection c, List<Insert> inserts) throws SQLException {
    String sql = String.join(";\n", inserts.stream().map(Insert::sql).toList());
    try (PreparedStatement s = c.prepareStatement(sql)) {
      int index = 1;
      for (Insert insert : inserts) {
        index = insert.bind(s, index);
      }
      s.execute();
      // every part's count read, so that a part that failed throws here
      while (s.getMoreResults() || s.getUpdateCount() != -1) {}
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  void contact(Connection c, UUID requestId, SealedContact sealed, Instant now)
      throws SQLException {
    Object[] row = {requestId.toString(), sealed.sealedAddress(), sealed.language(), utc(now)};
    new Insert(contact, List.<Object[]>of(row)).execute(c);
  }

  void key(Connection c, String idempotencyKey, UUID requestId, Instant now) throws SQLException {
    Object[] row = {idempotencyKey, requestId.toString(), utc(now)};
    new Insert(key, List.<Object[]>of(row)).execute(c);
  }
}
