package dev.lethe.core.meta;

import java.util.Objects;
import java.util.Optional;

/**
 * One Meta app whose callbacks Lethe accepts: a name the operator recognises (the app id does well)
 * and its app secret, plus the previous secret while a rotation is under way.
 *
 * <p>{@link #toString()} never prints a secret.
 */
public record MetaApp(String name, String currentSecret, Optional<String> previousSecret) {

  public MetaApp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currentSecret, "currentSecret");
    Objects.requireNonNull(previousSecret, "previousSecret");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a Meta app needs a name");
    }
    requireUsable(name, currentSecret);
    previousSecret.ifPresent(previous -> requireUsable(name, previous));
    if (previousSecret.filter(currentSecret::equals).isPresent()) {
      throw new IllegalArgumentException(
          "Meta app " + name + ": the previous secret equals the current one");
    }
  }

  /** An app with a single secret. */
  public static MetaApp of(String name, String secret) {
    return new MetaApp(name, secret, Optional.empty());
  }

  /** An app during secret rotation: requests signed with either secret verify. */
  public static MetaApp rotating(String name, String currentSecret, String previousSecret) {
    return new MetaApp(name, currentSecret, Optional.of(previousSecret));
  }

  private static void requireUsable(String name, String secret) {
    if (secret.isBlank() || !secret.strip().equals(secret)) {
      throw new IllegalArgumentException(
          "Meta app " + name + ": a secret must be non-empty and carry no surrounding whitespace");
    }
  }

  @Override
  public String toString() {
    return "MetaApp[name="
        + name
        + ", secrets="
        + (previousSecret.isPresent() ? "current+previous" : "current")
        + "]";
  }
}
