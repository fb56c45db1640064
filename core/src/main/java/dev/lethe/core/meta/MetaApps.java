package dev.lethe.core.meta;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Meta apps an installation accepts callbacks for. A signed request carries no app id, so the
 * verifier tries every secret of every app; that is why names and secrets must be unique.
 */
public final class MetaApps {

  private final List<MetaApp> apps;

  private MetaApps(List<MetaApp> apps) {
    this.apps = apps;
  }

  public static MetaApps of(MetaApp... apps) {
    return of(List.of(apps));
  }

  public static MetaApps of(List<MetaApp> apps) {
    Objects.requireNonNull(apps, "apps");
    if (apps.isEmpty()) {
      throw new IllegalArgumentException("configure at least one Meta app");
    }
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    for (MetaApp app : apps) {
      if (!names.add(app.name())) {
        throw new IllegalArgumentException("Meta app " + app.name() + " is configured twice");
      }
      if (!secrets.add(app.currentSecret())
          || app.previousSecret().filter(previous -> !secrets.add(previous)).isPresent()) {
        throw new IllegalArgumentException(
            "Meta app "
                + app.name()
                + " shares a secret with another app: its requests could not be told apart");
      }
    }
    return new MetaApps(List.copyOf(apps));
  }

  /** In configuration order, the order in which secrets are tried. */
  public List<MetaApp> all() {
    return apps;
  }

  public Optional<MetaApp> named(String name) {
    return apps.stream().filter(app -> app.name().equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return "MetaApps" + apps;
  }
}
