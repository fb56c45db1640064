package dev.lethe.core.datamap;

import java.util.Objects;

/** What an anonymizing update writes into one column. */
public sealed interface Anonymization {

  /** Writes SQL NULL. */
  record SetNull() implements Anonymization {}

  /** Writes a fixed text, the same for every row. */
  record FixedText(String text) implements Anonymization {
    public FixedText {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Writes a keyed hash of the current value (hex SHA-256 of a secret salt and the value), so equal
   * values stay equal for statistics while the value itself is gone.
   */
  record KeyedHash() implements Anonymization {}
}
