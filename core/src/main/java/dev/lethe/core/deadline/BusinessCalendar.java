package dev.lethe.core.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which days are business days, in one time zone. Holidays are configuration: Lethe ships no
 * holiday list. Regional holidays are kept by region key and added with {@link #forRegion}.
 */
public record BusinessCalendar(
    ZoneId zone,
    Set<DayOfWeek> weekend,
    Set<LocalDate> holidays,
    Map<String, Set<LocalDate>> regionalHolidays) {

  public BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
    if (weekend.size() == DayOfWeek.values().length) {
      throw new IllegalArgumentException("a calendar needs at least one business day a week");
    }
    holidays = Set.copyOf(holidays);
    Map<String, Set<LocalDate>> regions = new HashMap<>();
    regionalHolidays.forEach(
        (region, dates) -> {
          if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("a region key must not be blank");
          }
          regions.put(region, Set.copyOf(dates));
        });
    regionalHolidays = Map.copyOf(regions);
  }

  /** Saturday and Sunday off, no holidays. */
  public static BusinessCalendar of(ZoneId zone) {
    return new BusinessCalendar(
        zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(), Map.of());
  }

  public BusinessCalendar withWeekend(Set<DayOfWeek> days) {
    return new BusinessCalendar(zone, days, holidays, regionalHolidays);
  }

  public BusinessCalendar withHolidays(Collection<LocalDate> dates) {
    Set<LocalDate> all = new HashSet<>(holidays);
    all.addAll(dates);
    return new BusinessCalendar(zone, weekend, all, regionalHolidays);
  }

  public BusinessCalendar withRegionalHolidays(String region, Collection<LocalDate> dates) {
    Map<String, Set<LocalDate>> regions = new HashMap<>(regionalHolidays);
    Set<LocalDate> all = new HashSet<>(regions.getOrDefault(region, Set.of()));
    all.addAll(dates);
    regions.put(region, all);
    return new BusinessCalendar(zone, weekend, holidays, regions);
  }

  /** This calendar with the holidays of {@code region} added to the common ones. */
  public BusinessCalendar forRegion(String region) {
    Set<LocalDate> regional = regionalHolidays.get(region);
    if (regional == null) {
      throw new IllegalArgumentException("no holidays configured for region " + region);
    }
    return withHolidays(regional);
  }

  public boolean isBusinessDay(LocalDate date) {
    return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /**
   * The same local time on the {@code days}-th business day after the date of {@code start} (in
   * this calendar's zone). The day of {@code start} itself never counts, so Friday plus one is
   * Monday and Saturday plus one is Monday too. A local time that does not exist on the target day
   * (a DST gap) moves forward by the gap's length.
   */
  public ZonedDateTime plusBusinessDays(ZonedDateTime start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("business days must not be negative, was " + days);
    }
    ZonedDateTime local = local(start);
    LocalDate date = local.toLocalDate();
    int counted = 0;
    while (counted < days) {
      date = date.plusDays(1);
      if (isBusinessDay(date)) {
        counted++;
      }
    }
    return local.with(date);
  }

  ZonedDateTime local(ZonedDateTime time) {
    return time.withZoneSameInstant(zone);
  }
}
