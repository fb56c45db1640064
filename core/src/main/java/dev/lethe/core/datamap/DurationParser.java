package dev.lethe.core.datamap;

import java.time.DateTimeException;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads retention durations: {@code <n> days|weeks|months|years} (singular too) or an ISO-8601
 * period such as {@code P13M}. Only positive durations are accepted.
 */
final class DurationParser {

  static final String EXPECTED = "'<n> days|weeks|months|years' or an ISO-8601 period such as P13M";

  private static final Pattern WORDS =
      Pattern.compile("(\\d{1,9})\\s+(day|days|week|weeks|month|months|year|years)");

  private DurationParser() {}

  static Optional<Period> parse(String text) {
    String trimmed = text.trim();
    Matcher words = WORDS.matcher(trimmed.toLowerCase(Locale.ROOT));
    Optional<Period> period =
        words.matches()
            ? fromWords(words)
            : trimmed.startsWith("P") ? iso(trimmed) : Optional.empty();
    return period.filter(DurationParser::isPositive);
  }

  private static Optional<Period> fromWords(Matcher words) {
    int amount = Integer.parseInt(words.group(1));
    return Optional.of(
        switch (words.group(2).charAt(0)) {
          case 'd' -> Period.ofDays(amount);
          case 'w' -> Period.ofWeeks(amount);
          case 'm' -> Period.ofMonths(amount);
          default -> Period.ofYears(amount);
        });
  }

  private static Optional<Period> iso(String text) {
    try {
      return Optional.of(Period.parse(text));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static boolean isPositive(Period period) {
    return !period.isZero() && !period.isNegative();
  }
}
