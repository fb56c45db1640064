package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;
import static dev.lethe.core.request.RequestTables.*;

import dev.lethe.core.schema.Migrations;
import dev.lethe.core.schema.Vendor;
import dev.lethe.core.sql.GroupCommit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Deletion requests and their events in Lethe's own database (not the host's). Reads are public;
 * writes go through {@link Requests}, which keeps to the state machine.
 */
public final class RequestStore {

  private final DSLContext dsl;
  private final RequestInsert inserts;
  private final String knownSql;
  private final GroupCommit<RequestInsert.NewRows> newRequests;

  public RequestStore(DSLContext dsl) {
    this.dsl = dsl;
    this.inserts = new RequestInsert(dsl);
    this.knownSql = knownSql(dsl);
    this.newRequests = new GroupCommit<>(inserts::commit, NEW_REQUESTS_PER_COMMIT);
  }

  /**
   * At most this many new requests share a commit. Under load (Meta's callbacks) they arrive tens
   * at a time; a group's transaction stays a few milliseconds long.
   */
  private static final int NEW_REQUESTS_PER_COMMIT = 64;

  /** An insert collided with a unique key: same idempotency key, open duplicate or code. */
  static final class Conflict extends RuntimeException {
    Conflict(Throwable cause) {
      super("a request with the same key exists", cause);
    }
  }

  DSLContext dsl() {
    return dsl;
  }

  RequestWrites writes() {
    return new RequestWrites(dsl, inserts, newRequests);
  }

  /** Migrates Lethe's database and opens the store over it. */
  public static RequestStore open(DataSource dataSource, Vendor vendor) {
    migrate(dataSource, vendor);
    return new RequestStore(vendor.dsl(dataSource));
  }

  /** Creates or upgrades the request tables, with their own history table. */
  public static void migrate(DataSource dataSource, Vendor vendor) {
    Migrations.migrate(dataSource, vendor, "lethe_service_history", "lethe/service");
  }

  public Optional<DeletionRequest> find(UUID id) {
    return findWhere(ID.eq(id.toString()));
  }

  public Optional<DeletionRequest> findByConfirmationCode(String code) {
    return findWhere(CODE.eq(code.strip()));
  }

  /** The request an idempotency key (already keyed-hashed) points at. */
  Optional<DeletionRequest> findByIdempotencyKey(String hashedKey) {
    return findWhere(ID.in(DSL.select(KEY_REQUEST).from(KEYS).where(KEY.eq(hashedKey))));
  }

  /**
   * An open request of the same type, scope, workspace, identity set and parameters.
   *
   * @param matchKey what such requests share ({@link MatchKey#of})
   */
  Optional<DeletionRequest> findOpenDuplicate(String matchKey) {
    return findWhere(OPEN_MATCH_KEY.eq(matchKey));
  }

  /**
   * The request an idempotency key points at and an open request with the same match key, in one
   * statement: a callback's two questions in one round trip.
   *
   * @param hashedKey the idempotency key, already keyed-hashed
   */
  Known findKnown(String hashedKey, String matchKey) {
    Optional<DeletionRequest> same = Optional.empty();
    Optional<DeletionRequest> duplicate = Optional.empty();
    for (Record row : fetchKnown(hashedKey, matchKey)) {
      if (row.get(BY_KEY) == 1) {
        same = Optional.of(RequestRows.request(row));
      } else {
        duplicate = Optional.of(RequestRows.request(row));
      }
    }
    return new Known(same, duplicate);
  }

  /**
   * Through JDBC: the look-up runs for every callback and nearly always finds nothing, where jOOQ
   * would parse the statement's text again each time.
   */
  private List<Record> fetchKnown(String hashedKey, String matchKey) {
    return dsl.connectionResult(
        c -> {
          try (PreparedStatement s = c.prepareStatement(knownSql)) {
            s.setString(1, hashedKey);
            s.setString(2, matchKey);
            try (ResultSet rows = s.executeQuery()) {
              return rows.isBeforeFirst()
                  ? List.<Record>copyOf(dsl.fetch(rows, KNOWN_FIELDS.toArray(Field<?>[]::new)))
                  : List.of();
            }
          }
        });
  }

  private static final Field<Integer> BY_KEY = DSL.field(DSL.name("by_key"), Integer.class);
  private static final List<Field<?>> KNOWN_FIELDS = with(REQUEST_FIELDS, BY_KEY);

  /** Rendered once: the select of {@link #findKnown} is as long as a request has columns. */
  private static String knownSql(DSLContext dsl) {
    return dsl.render(
        DSL.select(with(REQUEST_FIELDS, DSL.inline(1).as(BY_KEY)))
            .from(REQUESTS)
            .where(
                ID.eq(
                    DSL.select(KEY_REQUEST).from(KEYS).where(KEY.eq(DSL.val((String) null, KEY)))))
            .unionAll(
                DSL.select(with(REQUEST_FIELDS, DSL.inline(0).as(BY_KEY)))
                    .from(REQUESTS)
                    .where(OPEN_MATCH_KEY.eq(DSL.val((String) null, OPEN_MATCH_KEY)))));
  }

  private static List<Field<?>> with(List<Field<?>> fields, Field<?> last) {
    List<Field<?>> all = new ArrayList<>(fields);
    all.add(last);
    return List.copyOf(all);
  }

  /** What {@link #findKnown} found: by idempotency key, and an open duplicate. */
  record Known(Optional<DeletionRequest> sameKey, Optional<DeletionRequest> openDuplicate) {}

  private Optional<DeletionRequest> findWhere(Condition condition) {
    return dsl.select(REQUEST_FIELDS)
        .from(REQUESTS)
        .where(condition)
        .fetchOptional()
        .map(RequestRows::request);
  }

  /** Requests matching the filter, oldest first. */
  public List<DeletionRequest> list(RequestFilter filter) {
    return dsl.select(REQUEST_FIELDS)
        .from(REQUESTS)
        .where(condition(filter))
        .orderBy(RECEIVED_AT, ID)
        .limit(filter.limit())
        .offset(filter.offset())
        .fetch(RequestRows::request);
  }

  /** How many requests match the filter (its page aside). */
  public long count(RequestFilter filter) {
    return dsl.selectCount().from(REQUESTS).where(condition(filter)).fetchOne(0, Long.class);
  }

  private static Condition condition(RequestFilter filter) {
    Condition where = DSL.noCondition();
    if (!filter.states().isEmpty()) {
      where = where.and(STATE.in(filter.states().stream().map(RequestState::code).toList()));
    }
    if (!filter.sources().isEmpty()) {
      where = where.and(SOURCE.in(filter.sources().stream().map(RequestSource::code).toList()));
    }
    if (filter.receivedFrom().isPresent()) {
      where = where.and(RECEIVED_AT.ge(utc(filter.receivedFrom().get())));
    }
    if (filter.receivedBefore().isPresent()) {
      where = where.and(RECEIVED_AT.lt(utc(filter.receivedBefore().get())));
    }
    if (!filter.workspaces().isEmpty()) {
      where = where.and(WORKSPACE.in(filter.workspaces()));
    }
    if (filter.overdueAt().isPresent()) {
      where = where.and(CLOSED_AT.isNull()).and(COMPLETE_BY.le(utc(filter.overdueAt().get())));
    }
    return where;
  }

  /** The request's events in the order they happened. */
  public List<RequestEvent> events(UUID requestId) {
    return dsl.select(EVENT_FIELDS)
        .from(EVENTS)
        .where(EVENT_REQUEST.eq(requestId.toString()))
        .orderBy(EVENT_ID)
        .fetch(RequestRows::event);
  }

  List<SealedIdentity> sealedIdentities(UUID requestId) {
    return dsl.select(IDENTITY_KIND, IDENTITY_SEALED)
        .from(IDENTITIES)
        .where(IDENTITY_REQUEST.eq(requestId.toString()))
        .orderBy(IDENTITY_ORDINAL)
        .fetch(r -> new SealedIdentity(r.value1(), r.value2()));
  }

  Optional<SealedContact> sealedContact(UUID requestId) {
    return dsl.select(CONTACT_SEALED, CONTACT_LANGUAGE)
        .from(CONTACTS)
        .where(CONTACT_REQUEST.eq(requestId.toString()))
        .fetchOptional(r -> new SealedContact(r.value1(), r.value2()));
  }

  /** How many requests are in each state (every state present, zero when none). */
  public Map<RequestState, Long> countByState() {
    Map<RequestState, Long> counts = new EnumMap<>(RequestState.class);
    for (RequestState state : RequestState.values()) {
      counts.put(state, 0L);
    }
    dsl.select(STATE, DSL.count())
        .from(REQUESTS)
        .groupBy(STATE)
        .forEach(r -> counts.put(RequestState.fromCode(r.value1()), r.value2().longValue()));
    return counts;
  }
}
