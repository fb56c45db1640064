package dev.lethe.core.request;

import java.util.Arrays;
import java.util.Locale;

/** The door a request came in through. Codes are stable: they are stored and shown in the API. */
public enum RequestSource {
  /** The host product's own "Delete account" button. */
  SELF_SERVICE,
  /** An e-mail or written request, entered by staff. */
  EMAIL,
  /** Lethe's public request form. */
  WEB_FORM,
  /** Meta's data-deletion callback. */
  META_CALLBACK,
  /** Meta's deauthorize callback. */
  META_DEAUTHORIZE,
  /** An operator in the admin console. */
  ADMIN,
  /** The host product's REST API calls other than self-service. */
  API,
  /** A retention rule that purges data past its age. */
  RETENTION;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestSource fromCode(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown request source: " + code));
  }
}
