package dev.lethe.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static ZonedDateTime jakarta(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), JAKARTA);
  }

  @Test
  void friday_plus_one_business_day_is_monday_at_the_same_local_time() {
    BusinessCalendar calendar = BusinessCalendar.of(JAKARTA);

    assertThat(calendar.plusBusinessDays(jakarta("2025-01-03T16:30"), 1))
        .isEqualTo(jakarta("2025-01-06T16:30"));
  }

  @Test
  void a_request_received_on_saturday_counts_monday_as_its_first_business_day() {
    BusinessCalendar calendar = BusinessCalendar.of(JAKARTA);

    assertThat(calendar.plusBusinessDays(jakarta("2025-01-04T09:00"), 1))
        .isEqualTo(jakarta("2025-01-06T09:00"));
  }

  @Test
  void zero_business_days_is_the_start_itself() {
    BusinessCalendar calendar = BusinessCalendar.of(JAKARTA);

    assertThat(calendar.plusBusinessDays(jakarta("2025-01-04T09:00"), 0))
        .isEqualTo(jakarta("2025-01-04T09:00"));
  }

  @Test
  void holidays_are_skipped_like_weekends() {
    BusinessCalendar calendar =
        BusinessCalendar.of(JAKARTA)
            .withHolidays(List.of(LocalDate.parse("2025-12-25"), LocalDate.parse("2025-12-26")));

    assertThat(calendar.plusBusinessDays(jakarta("2025-12-24T10:00"), 1))
        .isEqualTo(jakarta("2025-12-29T10:00"));
  }

  @Test
  void business_days_run_across_the_end_of_a_month_and_a_year() {
    BusinessCalendar calendar =
        BusinessCalendar.of(JAKARTA).withHolidays(List.of(LocalDate.parse("2026-01-01")));

    // Wed 31 Dec (1), Thu 1 Jan holiday, Fri 2 Jan (2), weekend, Mon 5 Jan (3).
    assertThat(calendar.plusBusinessDays(jakarta("2025-12-30T08:00"), 3))
        .isEqualTo(jakarta("2026-01-05T08:00"));
    // Fri 31 Oct 2025 plus two: Mon 3 Nov, Tue 4 Nov.
    assertThat(calendar.plusBusinessDays(jakarta("2025-10-31T08:00"), 2))
        .isEqualTo(jakarta("2025-11-04T08:00"));
  }

  @Test
  void days_are_counted_in_the_calendars_zone_not_in_utc() {
    // Friday 18:00 UTC is already Saturday 01:00 in Jakarta.
    ZonedDateTime fridayEveningUtc = Instant.parse("2025-01-03T18:00:00Z").atZone(ZoneId.of("UTC"));

    assertThat(BusinessCalendar.of(JAKARTA).plusBusinessDays(fridayEveningUtc, 1).toInstant())
        .isEqualTo(Instant.parse("2025-01-05T18:00:00Z"));
    assertThat(
            BusinessCalendar.of(ZoneId.of("UTC")).plusBusinessDays(fridayEveningUtc, 1).toInstant())
        .isEqualTo(Instant.parse("2025-01-06T18:00:00Z"));
  }

  @Test
  void business_days_keep_the_local_time_across_the_spring_and_autumn_dst_changes() {
    BusinessCalendar calendar = BusinessCalendar.of(NEW_YORK);

    // Clocks go forward on Sunday 9 March 2025: 10:00 EST Friday, 10:00 EDT Monday.
    ZonedDateTime beforeSpring = Instant.parse("2025-03-07T15:00:00Z").atZone(NEW_YORK);
    assertThat(calendar.plusBusinessDays(beforeSpring, 1).toInstant())
        .isEqualTo(Instant.parse("2025-03-10T14:00:00Z"));

    // Clocks go back on Sunday 2 November 2025: 10:00 EDT Friday, 10:00 EST Monday.
    ZonedDateTime beforeAutumn = Instant.parse("2025-10-31T14:00:00Z").atZone(NEW_YORK);
    assertThat(calendar.plusBusinessDays(beforeAutumn, 1).toInstant())
        .isEqualTo(Instant.parse("2025-11-03T15:00:00Z"));
  }

  @Test
  void a_local_time_lost_to_the_dst_gap_moves_forward_by_the_gap() {
    BusinessCalendar everyDay = BusinessCalendar.of(NEW_YORK).withWeekend(Set.of());
    ZonedDateTime saturday = ZonedDateTime.of(2025, 3, 8, 2, 30, 0, 0, NEW_YORK);

    assertThat(everyDay.plusBusinessDays(saturday, 1))
        .isEqualTo(ZonedDateTime.of(2025, 3, 9, 3, 30, 0, 0, NEW_YORK));
  }

  @Test
  void a_configured_weekend_replaces_saturday_and_sunday() {
    BusinessCalendar fridayAndSaturdayOff =
        BusinessCalendar.of(JAKARTA).withWeekend(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));

    // Thursday plus one is Sunday.
    assertThat(fridayAndSaturdayOff.plusBusinessDays(jakarta("2025-01-02T09:00"), 1))
        .isEqualTo(jakarta("2025-01-05T09:00"));
  }

  @Test
  void regional_holidays_count_only_for_their_region() {
    BusinessCalendar calendar =
        BusinessCalendar.of(JAKARTA)
            .withRegionalHolidays("ID-BA", List.of(LocalDate.parse("2025-03-31")));

    ZonedDateTime friday = jakarta("2025-03-28T09:00");
    assertThat(calendar.plusBusinessDays(friday, 1)).isEqualTo(jakarta("2025-03-31T09:00"));
    assertThat(calendar.forRegion("ID-BA").plusBusinessDays(friday, 1))
        .isEqualTo(jakarta("2025-04-01T09:00"));
  }

  @Test
  void an_unknown_region_is_refused_rather_than_silently_holiday_free() {
    assertThatThrownBy(() -> BusinessCalendar.of(JAKARTA).forRegion("ID-JK"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ID-JK");
  }

  @Test
  void a_week_without_business_days_is_refused() {
    assertThatThrownBy(() -> BusinessCalendar.of(JAKARTA).withWeekend(Set.of(DayOfWeek.values())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void negative_business_days_are_refused() {
    assertThatThrownBy(
            () -> BusinessCalendar.of(JAKARTA).plusBusinessDays(jakarta("2025-01-03T09:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
