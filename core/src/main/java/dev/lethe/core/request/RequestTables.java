package dev.lethe.core.request;

import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of the request tables. */
final class RequestTables {
  private RequestTables() {}

  static final Table<Record> REQUESTS = DSL.table(DSL.name("lethe_requests"));
  static final Field<String> ID = string("id");
  static final Field<String> CODE = string("confirmation_code");
  static final Field<String> TYPE = string("request_type");
  static final Field<String> SCOPE = string("scope");
  static final Field<String> WORKSPACE = string("workspace");
  static final Field<String> PARAMS = clob("params");
  static final Field<String> JURISDICTION = string("jurisdiction");
  static final Field<String> SOURCE = string("source");
  static final Field<String> STATE = string("state");
  static final Field<String> HELD_FROM = string("held_from");
  static final Field<String> HOLD_IDS = clob("hold_ids");
  static final Field<LocalDateTime> RECEIVED_AT = time("received_at");
  static final Field<LocalDateTime> UPDATED_AT = time("updated_at");
  static final Field<LocalDateTime> CLOSED_AT = time("closed_at");
  static final Field<Boolean> VERIFICATION_REQUIRED =
      DSL.field(DSL.name("verification_required"), SQLDataType.BOOLEAN);
  static final Field<Long> GRACE_SECONDS = DSL.field(DSL.name("grace_seconds"), SQLDataType.BIGINT);
  static final Field<LocalDateTime> GRACE_ENDS_AT = time("grace_ends_at");
  static final Field<String> IDENTITY_HASHES = clob("identity_hashes");
  static final Field<String> MATCH_KEY = string("match_key");
  static final Field<String> OPEN_MATCH_KEY = string("open_match_key");
  static final Field<Boolean> IDENTITIES_SEALED =
      DSL.field(DSL.name("identities_sealed"), SQLDataType.BOOLEAN);
  static final Field<String> RUN_ID = string("run_id");
  static final Field<String> RECEIPT = clob("receipt");
  static final Field<String> REJECTION_REASON = string("rejection_reason");
  static final Field<LocalDateTime> ACKNOWLEDGE_BY = time("acknowledge_by");
  static final Field<LocalDateTime> ACKNOWLEDGED_AT = time("acknowledged_at");
  static final Field<LocalDateTime> COMPLETE_BY = time("complete_by");
  static final Field<String> COMPLETE_RULE = string("complete_rule");
  static final Field<Long> VERSION = DSL.field(DSL.name("version"), SQLDataType.BIGINT);

  /** Every column of a request, typed, in the order {@link RequestRows} reads them. */
  static final List<Field<?>> REQUEST_FIELDS =
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
          HELD_FROM,
          HOLD_IDS,
          RECEIVED_AT,
          UPDATED_AT,
          VERIFICATION_REQUIRED,
          GRACE_SECONDS,
          GRACE_ENDS_AT,
          IDENTITY_HASHES,
          MATCH_KEY,
          IDENTITIES_SEALED,
          RUN_ID,
          RECEIPT,
          REJECTION_REASON,
          ACKNOWLEDGE_BY,
          COMPLETE_BY,
          COMPLETE_RULE,
          ACKNOWLEDGED_AT,
          VERSION);

  static final Table<Record> IDENTITIES = DSL.table(DSL.name("lethe_request_identities"));
  static final Field<String> IDENTITY_REQUEST = string("request_id");
  static final Field<Integer> IDENTITY_ORDINAL =
      DSL.field(DSL.name("ordinal"), SQLDataType.INTEGER);
  static final Field<String> IDENTITY_KIND = string("kind");
  static final Field<String> IDENTITY_SEALED = clob("sealed_value");

  static final Table<Record> CONTACTS = DSL.table(DSL.name("lethe_request_contacts"));
  static final Field<String> CONTACT_REQUEST = string("request_id");
  static final Field<String> CONTACT_SEALED = clob("sealed_address");
  static final Field<String> CONTACT_LANGUAGE = string("language");
  static final Field<LocalDateTime> CONTACT_CREATED = time("created_at");

  static final Table<Record> KEYS = DSL.table(DSL.name("lethe_request_keys"));
  static final Field<String> KEY = string("idempotency_key");
  static final Field<String> KEY_REQUEST = string("request_id");
  static final Field<LocalDateTime> KEY_CREATED = time("created_at");

  static final Table<Record> EVENTS = DSL.table(DSL.name("lethe_request_events"));
  static final Field<Long> EVENT_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
  static final Field<String> EVENT_REQUEST = string("request_id");
  static final Field<LocalDateTime> EVENT_AT = time("occurred_at");
  static final Field<String> EVENT_ACTOR = string("actor");
  static final Field<String> EVENT_FROM = string("from_state");
  static final Field<String> EVENT_TO = string("to_state");
  static final Field<String> EVENT_NOTE = string("note");

  static final List<Field<?>> EVENT_FIELDS =
      List.of(EVENT_ID, EVENT_AT, EVENT_ACTOR, EVENT_FROM, EVENT_TO, EVENT_NOTE);

  private static Field<String> string(String name) {
    return DSL.field(DSL.name(name), SQLDataType.VARCHAR);
  }

  private static Field<String> clob(String name) {
    return DSL.field(DSL.name(name), SQLDataType.CLOB);
  }

  private static Field<LocalDateTime> time(String name) {
    return DSL.field(DSL.name(name), SQLDataType.LOCALDATETIME);
  }
}
