package dev.lethe.core.datamap;

import dev.lethe.core.identity.IdentityKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a scope selects the root rows of one entity: by the subject's identities, by request
 * parameters ({@code filters}), or both.
 *
 * @param identifiedBy the identity kinds that select rows ({@code ids} selects by key)
 * @param filters request parameters, each comparing one column
 * @param action what happens to the root rows themselves: {@code CASCADE} deletes them (the
 *     default), {@code ANONYMIZE} rewrites {@code set} and keeps them
 */
public record ScopeRoot(
    String entity,
    Set<IdentityKind> identifiedBy,
    Map<String, Filter> filters,
    OnDelete action,
    Map<String, Anonymization> set) {

  /**
   * A request parameter: equality on {@code column}, or with {@code range} a half-open time range
   * {@code from..to}.
   */
  public record Filter(String column, boolean range) {
    public Filter {
      Objects.requireNonNull(column, "column");
    }
  }

  public ScopeRoot {
    Objects.requireNonNull(entity, "entity");
    EnumSet<IdentityKind> kinds = EnumSet.noneOf(IdentityKind.class);
    kinds.addAll(identifiedBy == null ? Set.of() : identifiedBy);
    identifiedBy = Collections.unmodifiableSet(kinds);
    filters =
        filters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    action = action == null ? OnDelete.CASCADE : action;
    if (action != OnDelete.CASCADE && action != OnDelete.ANONYMIZE) {
      throw new IllegalArgumentException("a root is either deleted (cascade) or anonymized");
    }
    set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
  }
}
