package dev.lethe.core.deadline;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A length of time as a law or a promise states it. Calendar spans (months, days, business days)
 * keep the local time of day in the calendar's zone; {@link Elapsed} counts real hours.
 */
public sealed interface Span {

  /** The end of this span when it starts at {@code start}. */
  ZonedDateTime addTo(ZonedDateTime start, BusinessCalendar calendar);

  /** For display: "1 month", "45 calendar days", "10 business days", "24 hours". */
  String describe();

  static Span months(int months) {
    return new Months(months);
  }

  static Span days(int days) {
    return new Days(days);
  }

  static Span businessDays(int days) {
    return new BusinessDays(days);
  }

  static Span hours(int hours) {
    return new Elapsed(Duration.ofHours(hours));
  }

  static Span elapsed(Duration duration) {
    return new Elapsed(duration);
  }

  /**
   * A span as configuration writes it: a whole number and a unit, {@code 1 month}, {@code 30 days},
   * {@code 2 business days}, {@code 24 hours}, or short: {@code 1mo}, {@code 30d}, {@code 2bd},
   * {@code 24h}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static Span parse(String text) {
    return SpanText.parse(text);
  }

  /**
   * Calendar months: the same day of the month, clamped to the month's last day (31 January plus
   * one month is 28 or 29 February).
   */
  record Months(int months) implements Span {
    public Months {
      requirePositive(months, "months");
    }

    @Override
    public ZonedDateTime addTo(ZonedDateTime start, BusinessCalendar calendar) {
      return calendar.local(start).plusMonths(months);
    }

    @Override
    public String describe() {
      return months == 1 ? "1 month" : months + " months";
    }
  }

  /** Calendar days, weekends and holidays included. */
  record Days(int days) implements Span {
    public Days {
      requirePositive(days, "days");
    }

    @Override
    public ZonedDateTime addTo(ZonedDateTime start, BusinessCalendar calendar) {
      return calendar.local(start).plusDays(days);
    }

    @Override
    public String describe() {
      return days == 1 ? "1 calendar day" : days + " calendar days";
    }
  }

  /** Business days of the calendar: its weekend days and holidays do not count. */
  record BusinessDays(int days) implements Span {
    public BusinessDays {
      requirePositive(days, "business days");
    }

    @Override
    public ZonedDateTime addTo(ZonedDateTime start, BusinessCalendar calendar) {
      return calendar.plusBusinessDays(start, days);
    }

    @Override
    public String describe() {
      return days == 1 ? "1 business day" : days + " business days";
    }
  }

  /** Elapsed time on the clock ("within 24 hours"), unaffected by calendars and DST. */
  record Elapsed(Duration duration) implements Span {
    public Elapsed {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("an elapsed span must be positive");
      }
    }

    @Override
    public ZonedDateTime addTo(ZonedDateTime start, BusinessCalendar calendar) {
      return calendar.local(start).plus(duration);
    }

    @Override
    public String describe() {
      if (duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0) {
        long hours = duration.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
      }
      return duration.toString();
    }
  }

  private static void requirePositive(int value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
