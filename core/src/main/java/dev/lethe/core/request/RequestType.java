package dev.lethe.core.request;

import java.util.Arrays;
import java.util.Locale;

/** What a request asks for. Only erasure is served today; access (export) is reserved. */
public enum RequestType {
  ERASURE,
  /** Reserved for access and export requests; not served yet. */
  ACCESS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown request type: " + code));
  }
}
