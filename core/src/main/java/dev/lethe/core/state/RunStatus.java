package dev.lethe.core.state;

import java.util.Locale;

/** Where a run is in its life. */
public enum RunStatus {
  PLANNED,
  RUNNING,
  VERIFYING,
  COMPLETED,
  FAILED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
