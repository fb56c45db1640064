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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
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

  /**
   * The keys of the root's rows the request selects, in key order. On PostgreSQL the look-up is
   * sent from a template of its shape: the root, the kinds of the request's identities, which
   * filters it sets (and which ends of a range) and whether the scope is bound to a workspace.
   */
  List<Object> find(ScopeRoot root, ErasureRequest request, boolean tenantBound) {
    BoundEntity entity = bound.entity(root.entity());
    List<Object> sources = new ArrayList<>();
    Optional<Condition> selection =
        where(
            root,
            entity,
            request,
            tenantBound,
            value -> {
              sources.add(value);
              return value;
            });
    if (selection.isEmpty()) {
      return List.of();
    }
    return bound
        .reads()
        .fetch(
            dsl,
            shape(root, request, tenantBound),
            sources,
            entity.key(),
            values -> {
              Condition where =
                  values == sources
                      ? selection.get()
                      : where(root, entity, request, tenantBound, replay(values)).orElseThrow();
              return dsl.select(entity.key())
                  .from(entity.table())
                  .where(where)
                  .orderBy(entity.key());
            });
  }

  /** Values in place of those a condition computes, in the order it binds them. */
  private static UnaryOperator<Object> replay(List<?> values) {
    Iterator<?> next = values.iterator();
    return computed -> next.next();
  }

  /**
   * A root told apart by identity: a data map's roots live as long as the map's templates, and a
   * record's own hash went through its filters and identity kinds for every look-up.
   */
  private record SameRoot(ScopeRoot root) {
    @Override
    public boolean equals(Object other) {
      return other instanceof SameRoot same && same.root == root;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(root);
    }
  }

  /** What the look-up of {@link #find} depends on besides its values. */
  private static List<Object> shape(ScopeRoot root, ErasureRequest request, boolean tenantBound) {
    List<Object> shape = new ArrayList<>();
    shape.add(new SameRoot(root));
    shape.add(tenantBound);
    request.identities().forEach(identity -> shape.add(identity.kind()));
    shape.add("filters");
    for (Map.Entry<String, ScopeRoot.Filter> filter : root.filters().entrySet()) {
      String value = request.params().get(filter.getKey());
      if (value == null) {
        shape.add("none");
      } else if (!filter.getValue().range()) {
        shape.add("equal");
      } else {
        int dots = value.indexOf("..");
        shape.add(
            (value.substring(0, dots).isBlank() ? "" : "from")
                + (value.substring(dots + 2).isBlank() ? "" : "to"));
      }
    }
    return shape;
  }

  private Optional<Condition> where(
      ScopeRoot root,
      BoundEntity entity,
      ErasureRequest request,
      boolean tenantBound,
      UnaryOperator<Object> values) {
    Optional<Condition> selection = selection(root, entity, request, values);
    if (selection.isEmpty() || !tenantBound) {
      return selection;
    }
    String tenant = entity.entity().tenant().orElseThrow();
    return Optional.of(
        selection
            .get()
            .and(
                entity
                    .field(tenant)
                    .eq(values.apply(entity.valueFor(tenant, request.workspace().get())))));
  }

  /** The condition selecting the root's rows, built but not run (values parsed and checked). */
  Optional<Condition> selection(ScopeRoot root, ErasureRequest request) {
    return selection(root, bound.entity(root.entity()), request, UnaryOperator.identity());
  }

  private Optional<Condition> selection(
      ScopeRoot root, BoundEntity entity, ErasureRequest request, UnaryOperator<Object> values) {
    List<Condition> byIdentity = new ArrayList<>();
    for (Identity identity : request.identities()) {
      boolean usable =
          root.identifiedBy().contains(identity.kind())
              || (identity.kind() == IdentityKind.PHONE
                  && root.identifiedBy().contains(IdentityKind.WA_ID));
      if (usable) {
        byIdentity.add(IdentityMatch.in(entity, identity, values));
      }
    }
    List<Condition> byFilter = new ArrayList<>();
    for (Map.Entry<String, ScopeRoot.Filter> filter : root.filters().entrySet()) {
      String value = request.params().get(filter.getKey());
      if (value != null) {
        byFilter.add(filterCondition(entity, filter.getKey(), filter.getValue(), value, values));
      }
    }
    if (byIdentity.isEmpty() && byFilter.isEmpty()) {
      return Optional.empty();
    }
    Condition identities = byIdentity.isEmpty() ? DSL.noCondition() : DSL.or(byIdentity);
    return Optional.of(identities.and(DSL.and(byFilter)));
  }

  private static Condition filterCondition(
      BoundEntity entity,
      String param,
      ScopeRoot.Filter filter,
      String value,
      UnaryOperator<Object> values) {
    Field<Object> column = entity.field(filter.column());
    if (!filter.range()) {
      try {
        return column.eq(values.apply(entity.valueFor(filter.column(), value)));
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
      condition =
          condition.and(column.ge(values.apply(time(entity, filter.column(), param, from))));
    }
    if (!to.isEmpty()) {
      condition = condition.and(column.lt(values.apply(time(entity, filter.column(), param, to))));
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
