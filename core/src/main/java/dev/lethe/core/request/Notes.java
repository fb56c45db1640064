package dev.lethe.core.request;

import java.util.regex.Pattern;

/**
 * Keeps free text (rejection reasons, failure messages) free of the most common personal data: an
 * e-mail address or a run of seven or more digits (a phone number, a Meta id) becomes {@code
 * <redacted>} (digits inside a word, such as a UUID, are left alone). A guard, not a guarantee:
 * reasons should be written without personal data.
 */
final class Notes {

  static final int MAX_LENGTH = 500;
  private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()]+");
  private static final Pattern DIGITS =
      Pattern.compile("(?<![\\w-])\\+?\\d(?:[\\s.()-]?\\d){6,}(?![\\w-])");

  private Notes() {}

  static String redact(String text) {
    String clean = EMAIL.matcher(text.strip()).replaceAll("<redacted>");
    clean = DIGITS.matcher(clean).replaceAll("<redacted>");
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
  }
}
