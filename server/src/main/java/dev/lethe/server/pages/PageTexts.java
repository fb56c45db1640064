package dev.lethe.server.pages;

import dev.lethe.core.deadline.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The pages' texts from {@code messages/pages*.properties}, and times written the way people read
 * them in each language: spans ("10 business days", "10 hari kerja"), periods, dates in the pages'
 * zone.
 */
public final class PageTexts {

  private final MessageSource messages;
  private final ZoneId zone;

  public PageTexts(MessageSource messages, ZoneId zone) {
    this.messages = messages;
    this.zone = zone;
  }

  /** {@code id} for Indonesian, else {@code en}: the languages the pages are written in. */
  public static String language(Locale locale) {
    return locale != null && "id".equals(locale.getLanguage()) ? "id" : "en";
  }

  public ZoneId zone() {
    return zone;
  }

  public String text(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args.length == 0 ? null : args, locale);
  }

  /** A span of a promise or a law. */
  public String span(Span span, Locale locale) {
    return switch (span) {
      case Span.Months m -> text("time.months", locale, m.months());
      case Span.Days d -> text("time.calendar-days", locale, d.days());
      case Span.BusinessDays b -> text("time.business-days", locale, b.days());
      case Span.Elapsed e ->
          e.duration().toMinutesPart() == 0 && e.duration().toSecondsPart() == 0
              ? text("time.hours", locale, e.duration().toHours())
              : duration(e.duration(), locale);
    };
  }

  /** A retention period of the data map: "7 years", "13 months", "1 year and 6 months". */
  public String period(Period period, Locale locale) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(text("time.years", locale, period.getYears()));
    }
    if (period.getMonths() != 0) {
      parts.add(text("time.months", locale, period.getMonths()));
    }
    if (period.getDays() != 0 || parts.isEmpty()) {
      parts.add(text("time.days", locale, period.getDays()));
    }
    return joined(parts, locale);
  }

  /** A setting's length: whole days, else hours, else minutes. */
  public String duration(Duration duration, Locale locale) {
    if (!duration.isZero() && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
      return text("time.days", locale, duration.toDays());
    }
    if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
      return text("time.hours", locale, duration.toHours());
    }
    return text("time.minutes", locale, Math.max(1, duration.toMinutes()));
  }

  /** A text saying how long to wait, in whole minutes at least: its {@code {0}}. */
  public String waitText(String code, Duration wait, Locale locale) {
    Duration minutes = Duration.ofMinutes(Math.max(1, (wait.toSeconds() + 59) / 60));
    return text(code, locale, duration(minutes, locale));
  }

  public String dateTime(Instant instant, Locale locale) {
    return DateTimeFormatter.ofPattern(text("format.date-time", locale), locale)
        .format(instant.atZone(zone));
  }

  public String date(LocalDate date, Locale locale) {
    return DateTimeFormatter.ofPattern(text("format.date", locale), locale).format(date);
  }

  private String joined(List<String> parts, Locale locale) {
    String out = parts.getLast();
    for (int i = parts.size() - 2; i >= 0; i--) {
      out = text("time.and", locale, parts.get(i), out);
    }
    return out;
  }
}
