package dev.lethe.core.meta;

import java.util.Optional;

/** Meta's numeric ids (app-scoped user ids, Page ids) as canonical decimal strings. */
final class DecimalId {

  /** Meta ids have 15 to 17 digits today; the margin leaves room without inviting junk. */
  static final int MAX_DIGITS = 32;

  private DecimalId() {}

  /** Digits only, at most {@link #MAX_DIGITS}, leading zeros dropped ("007" is "7", "0" stays). */
  static Optional<String> normalize(String text) {
    if (text.isEmpty() || text.length() > MAX_DIGITS) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    int start = 0;
    while (start < text.length() - 1 && text.charAt(start) == '0') {
      start++;
    }
    return Optional.of(text.substring(start));
  }
}
