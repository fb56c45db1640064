package dev.lethe.core.datamap;

/** What deleting a parent row does to the child rows that reference it. */
public enum OnDelete {
  /** Delete the child rows too (and, recursively, their own children). */
  CASCADE,
  /** Set the child's reference to NULL and leave the row otherwise untouched. */
  DETACH,
  /** Rewrite the listed columns of the child and set its reference to NULL. */
  ANONYMIZE,
  /**
   * Keep the child for its legal retention period: anonymize it as its entity's {@code retained}
   * block says and set its reference to NULL.
   */
  RETAIN;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
