package dev.lethe.core.hold;

import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of {@code lethe_holds}; times are stored as UTC without a zone. */
final class HoldTables {
  private HoldTables() {}

  static final Table<Record> HOLDS = DSL.table(DSL.name("lethe_holds"));
  static final Field<String> ID = string("id");
  static final Field<String> TARGET_KIND = string("target_kind");
  static final Field<String> WORKSPACE = string("workspace");
  static final Field<String> IDENTITY_KIND = string("identity_kind");
  static final Field<String> IDENTITY_HASH = string("identity_hash");
  static final Field<String> ENTITY = string("entity_name");
  static final Field<String> KEY = string("entity_key");
  static final Field<String> REASON = string("reason");
  static final Field<String> REFERENCE = string("reference");
  static final Field<LocalDateTime> PLACED_AT = time("placed_at");
  static final Field<String> PLACED_BY = string("placed_by");
  static final Field<LocalDateTime> EXPIRES_AT = time("expires_at");
  static final Field<LocalDateTime> LIFTED_AT = time("lifted_at");
  static final Field<String> LIFTED_BY = string("lifted_by");
  static final Field<String> LIFT_NOTE = string("lift_note");

  static final List<Field<?>> HOLD_FIELDS =
      List.of(
          ID,
          TARGET_KIND,
          WORKSPACE,
          IDENTITY_KIND,
          IDENTITY_HASH,
          ENTITY,
          KEY,
          REASON,
          REFERENCE,
          PLACED_AT,
          PLACED_BY,
          EXPIRES_AT,
          LIFTED_AT,
          LIFTED_BY,
          LIFT_NOTE);

  static final String WORKSPACE_TARGET = "workspace";
  static final String IDENTITY_TARGET = "identity";
  static final String ENTITY_TARGET = "entity";

  static Hold hold(Record r) {
    return new Hold(
        r.get(ID),
        target(r),
        r.get(REASON),
        Optional.ofNullable(r.get(REFERENCE)),
        instant(r.get(PLACED_AT)),
        Actor.fromCode(r.get(PLACED_BY)),
        Optional.ofNullable(r.get(EXPIRES_AT)).map(HoldTables::instant),
        Optional.ofNullable(r.get(LIFTED_AT)).map(HoldTables::instant),
        Optional.ofNullable(r.get(LIFTED_BY)).map(Actor::fromCode),
        Optional.ofNullable(r.get(LIFT_NOTE)));
  }

  static void insert(DSLContext dsl, Hold hold) {
    LegalHold.Target target = hold.target();
    dsl.insertInto(HOLDS)
        .set(ID, hold.id())
        .set(TARGET_KIND, targetKind(target))
        .set(WORKSPACE, target instanceof LegalHold.Tenant t ? t.tenant() : null)
        .set(IDENTITY_KIND, target instanceof LegalHold.OnIdentity o ? o.kind().code() : null)
        .set(IDENTITY_HASH, target instanceof LegalHold.OnIdentity o ? o.identityHash() : null)
        .set(ENTITY, target instanceof LegalHold.Row row ? row.entity() : null)
        .set(KEY, target instanceof LegalHold.Row row ? row.key() : null)
        .set(REASON, hold.reason())
        .set(REFERENCE, hold.reference().orElse(null))
        .set(PLACED_AT, utc(hold.placedAt()))
        .set(PLACED_BY, hold.placedBy().code())
        .set(EXPIRES_AT, hold.expiresAt().map(HoldTables::utc).orElse(null))
        .execute();
  }

  private static String targetKind(LegalHold.Target target) {
    return switch (target) {
      case LegalHold.Tenant ignored -> WORKSPACE_TARGET;
      case LegalHold.OnIdentity ignored -> IDENTITY_TARGET;
      case LegalHold.Row ignored -> ENTITY_TARGET;
    };
  }

  private static LegalHold.Target target(Record r) {
    String kind = r.get(TARGET_KIND);
    return switch (kind) {
      case WORKSPACE_TARGET -> new LegalHold.Tenant(r.get(WORKSPACE));
      case IDENTITY_TARGET ->
          new LegalHold.OnIdentity(
              IdentityKind.fromCode(r.get(IDENTITY_KIND))
                  .orElseThrow(
                      () ->
                          new IllegalStateException("unknown identity kind in hold " + r.get(ID))),
              r.get(IDENTITY_HASH));
      case ENTITY_TARGET -> new LegalHold.Row(r.get(ENTITY), r.get(KEY));
      default -> throw new IllegalStateException("unknown target kind of hold " + r.get(ID));
    };
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

  private static Field<LocalDateTime> time(String name) {
    return DSL.field(DSL.name(name), SQLDataType.LOCALDATETIME);
  }
}
