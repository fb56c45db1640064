package dev.lethe.core.apikey;

import java.util.Objects;

/**
 * A key just issued, with its token: the only time the token is known. Hand it to the caller once;
 * Lethe keeps only a keyed hash of it.
 */
public record IssuedKey(ApiKey key, String token) {

  public IssuedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(token, "token");
  }

  /** Never shows the token's secret, so an issued key cannot leak into a log. */
  @Override
  public String toString() {
    return "IssuedKey[key=" + key + ", token=" + ApiKeyToken.PREFIX + key.id() + "_<redacted>]";
  }
}
