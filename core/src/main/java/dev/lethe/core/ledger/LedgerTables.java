package dev.lethe.core.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of the ledger tables; times are stored as UTC without a zone. */
final class LedgerTables {
  private LedgerTables() {}

  static final Table<Record> LEDGER = DSL.table(DSL.name("lethe_ledger"));
  static final Field<Long> SEQ = DSL.field(DSL.name("seq"), SQLDataType.BIGINT);
  static final Field<String> TYPE = string("entry_type");
  static final Field<String> REFERENCE = string("reference");
  static final Field<LocalDateTime> RECORDED_AT =
      DSL.field(DSL.name("recorded_at"), SQLDataType.LOCALDATETIME);
  static final Field<String> BODY = DSL.field(DSL.name("body"), SQLDataType.CLOB);
  static final Field<String> BODY_HASH = string("body_hash");
  static final Field<String> PREVIOUS_HASH = string("previous_hash");
  static final Field<String> ENTRY_HASH = string("entry_hash");

  static final List<Field<?>> ENTRY_FIELDS =
      List.of(SEQ, TYPE, REFERENCE, RECORDED_AT, BODY, BODY_HASH, PREVIOUS_HASH, ENTRY_HASH);

  static final Table<Record> HEAD = DSL.table(DSL.name("lethe_ledger_head"));
  static final Field<Integer> HEAD_ID = DSL.field(DSL.name("id"), SQLDataType.INTEGER);
  static final Field<Long> HEAD_SEQ = DSL.field(DSL.name("seq"), SQLDataType.BIGINT);
  static final Field<String> HEAD_HASH = string("entry_hash");
  static final int HEAD_ROW = 1;

  static LedgerEntry entry(Record r) {
    return new LedgerEntry(
        r.get(SEQ),
        r.get(TYPE),
        r.get(REFERENCE),
        instant(r.get(RECORDED_AT)),
        r.get(BODY),
        r.get(BODY_HASH),
        r.get(PREVIOUS_HASH),
        r.get(ENTRY_HASH));
  }

  static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC);
  }

  private static Field<String> string(String name) {
    return DSL.field(DSL.name(name), SQLDataType.VARCHAR);
  }
}
