package dev.lethe.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SpanTest {

  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final BusinessCalendar CALENDAR = BusinessCalendar.of(JAKARTA);

  private static ZonedDateTime jakarta(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), JAKARTA);
  }

  private static ZonedDateTime oneMonthAfter(String localDateTime) {
    return Span.months(1).addTo(jakarta(localDateTime), CALENDAR);
  }

  @Test
  void one_month_ends_on_the_same_day_of_the_next_month() {
    assertThat(oneMonthAfter("2025-05-05T11:00")).isEqualTo(jakarta("2025-06-05T11:00"));
  }

  @Test
  void one_month_from_january_31_ends_on_the_last_day_of_february() {
    assertThat(oneMonthAfter("2025-01-31T11:00")).isEqualTo(jakarta("2025-02-28T11:00"));
    assertThat(oneMonthAfter("2024-01-31T11:00")).isEqualTo(jakarta("2024-02-29T11:00"));
    assertThat(oneMonthAfter("2024-01-29T11:00")).isEqualTo(jakarta("2024-02-29T11:00"));
  }

  @Test
  void one_month_from_a_31st_ends_on_the_30th_of_a_shorter_month() {
    assertThat(oneMonthAfter("2025-03-31T11:00")).isEqualTo(jakarta("2025-04-30T11:00"));
  }

  @Test
  void one_month_from_february_29_ends_on_march_29() {
    assertThat(oneMonthAfter("2024-02-29T11:00")).isEqualTo(jakarta("2024-03-29T11:00"));
  }

  @Test
  void one_month_from_december_ends_in_january_of_the_next_year() {
    assertThat(oneMonthAfter("2025-12-31T23:30")).isEqualTo(jakarta("2026-01-31T23:30"));
  }

  @Test
  void months_are_counted_on_the_calendars_date_not_the_utc_date() {
    // 31 January 20:00 UTC is 1 February 03:00 in Jakarta: the month ends on 1 March.
    ZonedDateTime received = Instant.parse("2025-01-31T20:00:00Z").atZone(ZoneId.of("UTC"));

    assertThat(Span.months(1).addTo(received, CALENDAR)).isEqualTo(jakarta("2025-03-01T03:00"));
  }

  @Test
  void calendar_days_keep_the_local_time_across_dst_while_hours_count_real_time() {
    BusinessCalendar newYork = BusinessCalendar.of(NEW_YORK);
    ZonedDateTime saturdayNoon = ZonedDateTime.of(2025, 3, 8, 12, 0, 0, 0, NEW_YORK);

    assertThat(Span.days(1).addTo(saturdayNoon, newYork))
        .isEqualTo(ZonedDateTime.of(2025, 3, 9, 12, 0, 0, 0, NEW_YORK));
    assertThat(Span.hours(24).addTo(saturdayNoon, newYork))
        .isEqualTo(ZonedDateTime.of(2025, 3, 9, 13, 0, 0, 0, NEW_YORK));
  }

  @Test
  void forty_five_calendar_days_include_weekends() {
    assertThat(Span.days(45).addTo(jakarta("2025-01-01T09:00"), CALENDAR))
        .isEqualTo(jakarta("2025-02-15T09:00"));
  }

  @Test
  void spans_describe_themselves_for_operators() {
    assertThat(Span.months(1).describe()).isEqualTo("1 month");
    assertThat(Span.months(2).describe()).isEqualTo("2 months");
    assertThat(Span.days(45).describe()).isEqualTo("45 calendar days");
    assertThat(Span.businessDays(10).describe()).isEqualTo("10 business days");
    assertThat(Span.hours(24).describe()).isEqualTo("24 hours");
    assertThat(Span.elapsed(Duration.ofMinutes(90)).describe()).isEqualTo("PT1H30M");
  }

  @Test
  void spans_must_be_positive() {
    assertThatThrownBy(() -> Span.months(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Span.days(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Span.businessDays(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Span.elapsed(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
