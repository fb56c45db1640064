package dev.lethe.core.deadline;

import dev.lethe.core.request.RequestSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The product's own published promises: a standard one, and whole replacements for particular
 * request sources (a Meta callback in 30 days, self-service in 24 hours).
 */
public record ProductPromises(Promise standard, Map<RequestSource, Promise> bySource) {
  public ProductPromises {
    Objects.requireNonNull(standard, "standard");
    bySource = bySource.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(bySource));
  }

  public static ProductPromises of(Promise standard) {
    return new ProductPromises(standard, Map.of());
  }

  /** These promises with {@code promise} replacing the standard one for {@code source}. */
  public ProductPromises with(RequestSource source, Promise promise) {
    Map<RequestSource, Promise> all = new EnumMap<>(RequestSource.class);
    all.putAll(bySource);
    all.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(promise, "promise"));
    return new ProductPromises(standard, all);
  }

  public Promise forSource(RequestSource source) {
    return bySource.getOrDefault(source, standard);
  }
}
