package dev.lethe.core.plan;

import dev.lethe.core.datamap.Scope;
import dev.lethe.core.datamap.ScopeRoot;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.IdentityMatch;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Finds the root rows a request selects: by identities, by filter parameters, in a workspace. */
final class RootFinder {

  private final DSLContext dsl;
  private final BoundMap bound;

  RootFinder(DSLContext dsl, BoundMap bound) {
    this.dsl = dsl;
    this.bound = bound;
  }

  /** Checks the request against the scope before anything is read. */
  static void check(Scope scope, ErasureRequest request) {
    if (scope.tenantBound() && request.workspace().isEmpty()) {
      throw new RequestException("scope '" + scope.name() + "' needs a workspace");
    }
    Set<IdentityKind> accepted = new TreeSet<>();
    Set<String> filters = new TreeSet<>();
    for (ScopeRoot root : scope.roots()) {
      accepted.addAll(root.identifiedBy());
      filters.addAll(root.filters().keySet());
    }
    for (Identity identity : request.identities()) {
      if (!accepted.contains(identity.kind())
          && !(identity.kind() == IdentityKind.PHONE && accepted.contains(IdentityKind.WA_ID))) {
        throw new RequestException(
            "scope '"
                + scope.name()
                + "' does not find anything by "
                + identity.kind().code()
                + (accepted.isEmpty() ? "" : " (it takes: " + join(accepted) + ")"));
      }
    }
    for (String param : request.params().keySet()) {
      if (!filters.contains(param)) {
        throw new RequestException(
            "scope '"
                + scope.name()
                + "' has no parameter '"
                + param
                + "'"
                + (filters.isEmpty() ? "" : " (it takes: " + String.join(", ", filters) + ")"));
      }
    }
    if (request.identities().isEmpty() && request.params().isEmpty()) {
      throw new RequestException(
          "a request must name at least one identity or parameter: nothing is selected by default");
    }
  }

  private static String join(Set<IdentityKind> kinds) {
    return String.join(", ", kinds.stream().map(IdentityKind::code).toList());
  }

  List<Object> find(ScopeRoot root, ErasureRequest request, boolean tenantBound) {
    BoundEntity entity = bound.entity(root.entity());
    Optional<Condition> selection = selection(root, entity, request);
    if (selection.isEmpty()) {
      return List.of();
    }
    Condition where = selection.get();
    if (tenantBound) {
      String tenant = entity.entity().tenant().orElseThrow();
      where =
          where.and(entity.field(tenant).eq(entity.valueFor(tenant, request.workspace().get())));
    }
    return dsl.select(entity.key())
        .from(entity.table())
        .where(where)
        .orderBy(entity.key())
        .fetch(entity.key());
  }

  /** The condition selecting the root's rows, built but not run (values parsed and checked). */
  Optional<Condition> selection(ScopeRoot root, ErasureRequest request) {
    return selection(root, bound.entity(root.entity()), request);
  }

  private Optional<Condition> selection(
      ScopeRoot root, BoundEntity entity, ErasureRequest request) {
    List<Condition> byIdentity = new ArrayList<>();
    for (Identity identity : request.identities()) {
      boolean usable =
          root.identifiedBy().contains(identity.kind())
              || (identity.kind() == IdentityKind.PHONE
                  && root.identifiedBy().contains(IdentityKind.WA_ID));
      if (usable) {
        byIdentity.add(IdentityMatch.in(entity, identity));
      }
    }
    List<Condition> byFilter = new ArrayList<>();
    for (Map.Entry<String, ScopeRoot.Filter> filter : root.filters().entrySet()) {
      String value = request.params().get(filter.getKey());
      if (value != null) {
        byFilter.add(filterCondition(entity, filter.getKey(), filter.getValue(), value));
      }
    }
    if (byIdentity.isEmpty() && byFilter.isEmpty()) {
      return Optional.empty();
    }
    Condition identities = byIdentity.isEmpty() ? DSL.noCondition() : DSL.or(byIdentity);
    return Optional.of(identities.and(DSL.and(byFilter)));
  }

  private static Condition filterCondition(
      BoundEntity entity, String param, ScopeRoot.Filter filter, String value) {
    Field<Object> column = entity.field(filter.column());
    if (!filter.range()) {
      try {
        return column.eq(entity.valueFor(filter.column(), value));
      } catch (IllegalArgumentException e) {
        throw new RequestException("parameter '" + param + "': " + e.getMessage());
      }
    }
    int dots = value.indexOf("..");
    if (dots < 0) {
      throw new RequestException(
          "parameter '"
              + param
              + "' is a range: write from..to (dates or times, either may be empty)");
    }
    String from = value.substring(0, dots).strip();
    String to = value.substring(dots + 2).strip();
    Condition condition = DSL.noCondition();
    if (!from.isEmpty()) {
      condition = condition.and(column.ge(time(entity, filter.column(), param, from)));
    }
    if (!to.isEmpty()) {
      condition = condition.and(column.lt(time(entity, filter.column(), param, to)));
    }
    return condition;
  }

  private static Object time(BoundEntity entity, String column, String param, String text) {
    OffsetDateTime instant;
    try {
      instant =
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC)
              : text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")
                  ? OffsetDateTime.parse(text)
                  : LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new RequestException(
          "parameter '"
              + param
              + "': '"
              + text
              + "' is not a date (2026-01-31) or time (2026-01-31T10:00:00Z)");
    }
    return entity.timeFor(column, instant.toInstant());
  }
}
