package dev.lethe.core.identity;

import java.util.Objects;

/**
 * One identifier of the person a request is about, already normalized (see {@link
 * IdentityNormalizer}). Its {@code toString} never shows the value, so it cannot leak into logs.
 */
public record Identity(IdentityKind kind, String value) {
  public Identity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("an identity value must not be blank");
    }
  }

  @Override
  public String toString() {
    return kind.code() + "=<redacted>";
  }
}
