package dev.lethe.core.apikey;

import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of {@code lethe_api_keys}; times are stored as UTC without a zone. */
final class ApiKeyTables {
  private ApiKeyTables() {}

  static final Table<Record> KEYS = DSL.table(DSL.name("lethe_api_keys"));
  static final Field<String> ID = string("id");
  static final Field<String> NAME = string("name");
  static final Field<String> SECRET_HASH = string("secret_hash");
  static final Field<String> PERMISSIONS = string("permissions");
  static final Field<String> WORKSPACE = string("workspace");
  static final Field<LocalDateTime> CREATED_AT = time("created_at");
  static final Field<String> CREATED_BY = string("created_by");
  static final Field<LocalDateTime> REVOKED_AT = time("revoked_at");
  static final Field<String> REVOKED_BY = string("revoked_by");
  static final Field<LocalDateTime> LAST_USED_AT = time("last_used_at");

  /** Every column of a key but its hash, in the order {@link #key} reads them. */
  static final List<Field<?>> KEY_FIELDS =
      List.of(ID, NAME, PERMISSIONS, WORKSPACE, CREATED_AT, CREATED_BY, REVOKED_AT, LAST_USED_AT);

  static ApiKey key(Record r) {
    return new ApiKey(
        r.get(ID),
        r.get(NAME),
        permissions(r.get(PERMISSIONS)),
        Optional.ofNullable(r.get(WORKSPACE)),
        instant(r.get(CREATED_AT)),
        Actor.fromCode(r.get(CREATED_BY)),
        Optional.ofNullable(r.get(REVOKED_AT)).map(ApiKeyTables::instant),
        Optional.ofNullable(r.get(LAST_USED_AT)).map(ApiKeyTables::instant));
  }

  /** Codes separated by spaces, in a fixed order. */
  static String permissions(Set<Permission> permissions) {
    return permissions.stream().sorted().map(Permission::code).collect(Collectors.joining(" "));
  }

  /**
   * A code this version does not know (written by a newer one) is dropped rather than refused: the
   * key then grants less, never more, and listing keys keeps working.
   */
  private static Set<Permission> permissions(String codes) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    Arrays.stream(codes.split(" "))
        .forEach(
            code ->
                Arrays.stream(Permission.values())
                    .filter(p -> p.code().equals(code))
                    .forEach(permissions::add));
    return permissions;
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
