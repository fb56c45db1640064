package dev.lethe.platform.generator;

import java.time.LocalDate;

/** Formats epoch seconds as {@code yyyy-MM-dd HH:mm:ss} in UTC without allocating formatters. */
final class Timestamps {

  private Timestamps() {}

  static StringBuilder appendUtc(StringBuilder out, long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(day);
    out.append(date.getYear()).append('-');
    two(out, date.getMonthValue()).append('-');
    two(out, date.getDayOfMonth()).append(' ');
    two(out, secondOfDay / 3600).append(':');
    two(out, secondOfDay / 60 % 60).append(':');
    return two(out, secondOfDay % 60);
  }

  private static StringBuilder two(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    return out.append(value);
  }
}
