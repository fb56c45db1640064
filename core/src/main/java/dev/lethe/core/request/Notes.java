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
    String clean = text.strip();
    if (clean.indexOf('@') >= 0) {
      clean = EMAIL.matcher(clean).replaceAll("<redacted>");
    }
    if (digits(clean) >= 7) {
      clean = DIGITS.matcher(clean).replaceAll("<redacted>");
    }
    return clean.length() <= MAX_LENGTH ? clean : clean.substring(0, MAX_LENGTH - 1) + "…";
  }

  /**
   * How many digits the text holds. Lethe's own notes have none or few, and neither pattern can
   * match without an {@code @} or seven digits: the regular expressions are skipped then.
   */
  private static int digits(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}
