package dev.lethe.core.receipt;

import java.util.Locale;

/** What happened to a row of the subject's data. */
public enum Outcome {
  DELETED,
  DETACHED,
  ANONYMIZED,
  RETAINED,
  HELD;

  /** What a relation's action does to the rows below a deleted parent. */
  public static Outcome of(dev.lethe.core.datamap.OnDelete action) {
    return switch (action) {
      case CASCADE -> DELETED;
      case DETACH -> DETACHED;
      case ANONYMIZE -> ANONYMIZED;
      case RETAIN -> RETAINED;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
