package dev.lethe.core.deadline;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link Span} written in configuration: a whole number and a unit. */
final class SpanText {

  private static final Pattern FORM =
      Pattern.compile("(\\d{1,4})\\s*(months?|mo|days?|d|business\\s+days?|bd|hours?|h)");

  private SpanText() {}

  static Span parse(String text) {
    String clean = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = FORM.matcher(clean);
    if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
      throw new IllegalArgumentException(
          "not a span: write a positive whole number and a unit, such as 1 month, 30 days,"
              + " 2 business days, 24 hours (or 1mo, 30d, 2bd, 24h)");
    }
    int n = Integer.parseInt(m.group(1));
    String unit = m.group(2).replaceAll("\\s+", " ");
    if (unit.startsWith("mo")) {
      return Span.months(n);
    }
    if (unit.startsWith("business") || unit.equals("bd")) {
      return Span.businessDays(n);
    }
    if (unit.startsWith("d")) {
      return Span.days(n);
    }
    return Span.hours(n);
  }
}
