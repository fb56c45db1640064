package dev.lethe.core.deadline;

import java.util.Locale;

/** Where a deletion request came from; promises may differ per source. */
public enum RequestSource {
  SELF_SERVICE,
  EMAIL,
  WEB_FORM,
  META_CALLBACK,
  META_DEAUTHORIZE,
  ADMIN,
  API,
  RETENTION;

  /** The configuration key: {@code self_service}, {@code meta_callback}, … */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestSource fromKey(String key) {
    for (RequestSource source : values()) {
      if (source.key().equals(key)) {
        return source;
      }
    }
    throw new IllegalArgumentException("unknown request source: " + key);
  }
}
