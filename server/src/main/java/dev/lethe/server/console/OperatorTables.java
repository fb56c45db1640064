package dev.lethe.server.console;

import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Names and typed fields of {@code lethe_operators}; times are stored as UTC without a zone. */
final class OperatorTables {
  private OperatorTables() {}

  static final Table<Record> OPERATORS = DSL.table(DSL.name("lethe_operators"));
  static final Field<String> ID = string("id");
  static final Field<String> EMAIL = string("email");
  static final Field<String> PASSWORD_HASH = string("password_hash");
  static final Field<String> ROLE = string("role");
  static final Field<String> WORKSPACES = string("workspaces");
  static final Field<LocalDateTime> CREATED_AT = time("created_at");
  static final Field<String> CREATED_BY = string("created_by");
  static final Field<LocalDateTime> PASSWORD_SET_AT = time("password_set_at");
  static final Field<LocalDateTime> DISABLED_AT = time("disabled_at");
  static final Field<String> DISABLED_BY = string("disabled_by");

  static final List<Field<?>> FIELDS =
      List.of(ID, EMAIL, ROLE, WORKSPACES, CREATED_AT, CREATED_BY, DISABLED_AT);

  static Operator operator(Record r) {
    return new Operator(
        r.get(ID),
        Optional.ofNullable(r.get(EMAIL)),
        Role.fromCode(r.get(ROLE)).orElse(Role.AUDITOR),
        workspaces(r.get(WORKSPACES)),
        instant(r.get(CREATED_AT)),
        Actor.fromCode(r.get(CREATED_BY)),
        Optional.ofNullable(r.get(DISABLED_AT)).map(OperatorTables::instant));
  }

  static String workspaces(Set<String> workspaces) {
    return workspaces.isEmpty() ? null : String.join(" ", new TreeSet<>(workspaces));
  }

  private static Set<String> workspaces(String text) {
    return text == null || text.isBlank()
        ? Set.of()
        : new TreeSet<>(Arrays.asList(text.strip().split(" +")));
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
