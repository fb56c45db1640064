package dev.lethe.core.deadline;

import static dev.lethe.core.deadline.Jurisdiction.CCPA;
import static dev.lethe.core.deadline.Jurisdiction.DPDP;
import static dev.lethe.core.deadline.Jurisdiction.GDPR;
import static dev.lethe.core.deadline.Jurisdiction.LGPD;
import static dev.lethe.core.deadline.Jurisdiction.UU_PDP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.deadline.Due.SetBy;
import dev.lethe.core.request.RequestSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final BusinessCalendar JAKARTA_CALENDAR = BusinessCalendar.of(JAKARTA);
  static final BusinessCalendar NEW_YORK_CALENDAR =
      BusinessCalendar.of(NEW_YORK).withHolidays(List.of(LocalDate.parse("2025-11-11")));
  static final Instant NOT_USED = Instant.parse("2000-01-01T00:00:00Z");

  static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  static Instant jakarta(String localDateTime) {
    return at(localDateTime, JAKARTA);
  }

  static Deadlines deadlines(ProductPromises promises, BusinessCalendar calendar) {
    return new Deadlines(Clock.fixed(NOT_USED, ZoneOffset.UTC), promises, calendar);
  }

  static ProductPromises completeWithin(Span span) {
    return ProductPromises.of(Promise.completeWithin(span));
  }

  @Test
  void gdpr_completion_is_one_month_from_receipt_when_the_promise_is_longer() {
    DueDates due =
        deadlines(completeWithin(Span.days(60)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.EMAIL);

    assertThat(due.completeBy()).isEqualTo(jakarta("2025-02-28T10:00"));
    assertThat(due.complete().setBy()).isEqualTo(SetBy.LAW);
    assertThat(due.complete().rule()).isEqualTo("GDPR Art. 12(3): within one month of receipt");
    assertThat(due.acknowledgeBy()).isEmpty();
  }

  @Test
  void gdpr_one_month_from_january_31_of_a_leap_year_ends_on_february_29() {
    DueDates due =
        deadlines(completeWithin(Span.days(60)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2024-01-31T10:00"), Set.of(GDPR), RequestSource.EMAIL);

    assertThat(due.completeBy()).isEqualTo(jakarta("2024-02-29T10:00"));
  }

  @Test
  void a_promise_shorter_than_gdpr_sets_the_completion_date() {
    DueDates due =
        deadlines(completeWithin(Span.hours(24)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.SELF_SERVICE);

    assertThat(due.completeBy()).isEqualTo(jakarta("2025-02-01T10:00"));
    assertThat(due.complete().setBy()).isEqualTo(SetBy.PROMISE);
    assertThat(due.complete().rule())
        .isEqualTo("our promise (self_service): complete within 24 hours");
  }

  @Test
  void a_promise_equal_to_the_law_names_the_law() {
    DueDates due =
        deadlines(completeWithin(Span.months(1)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.EMAIL);

    assertThat(due.complete().setBy()).isEqualTo(SetBy.LAW);
  }

  @Test
  void ccpa_acknowledgement_is_ten_business_days_across_dst_and_a_holiday() {
    DueDates due =
        deadlines(completeWithin(Span.days(60)), NEW_YORK_CALENDAR)
            .dueDates(at("2025-10-28T09:00", NEW_YORK), Set.of(CCPA), RequestSource.WEB_FORM);

    // Ten business days after Tuesday 28 October, skipping Veterans Day (11 November).
    assertThat(due.acknowledgeBy()).contains(at("2025-11-12T09:00", NEW_YORK));
    assertThat(due.acknowledge().orElseThrow().setBy()).isEqualTo(SetBy.LAW);
    assertThat(due.acknowledge().orElseThrow().rule()).contains("§7021(a)");
  }

  @Test
  void ccpa_completion_is_45_calendar_days_from_receipt() {
    DueDates due =
        deadlines(completeWithin(Span.days(60)), NEW_YORK_CALENDAR)
            .dueDates(at("2025-10-28T09:00", NEW_YORK), Set.of(CCPA), RequestSource.WEB_FORM);

    assertThat(due.completeBy()).isEqualTo(at("2025-12-12T09:00", NEW_YORK));
    assertThat(due.complete().rule()).contains("§7021(b)");
  }

  @Test
  void a_promise_to_acknowledge_in_two_business_days_beats_the_ccpa_ten() {
    ProductPromises promises =
        ProductPromises.of(Promise.acknowledgeAndComplete(Span.businessDays(2), Span.days(30)));

    DueDates due =
        deadlines(promises, NEW_YORK_CALENDAR)
            .dueDates(at("2025-10-31T09:00", NEW_YORK), Set.of(CCPA), RequestSource.EMAIL);

    assertThat(due.acknowledgeBy()).contains(at("2025-11-04T09:00", NEW_YORK));
    assertThat(due.acknowledge().orElseThrow().setBy()).isEqualTo(SetBy.PROMISE);
    assertThat(due.completeBy()).isEqualTo(at("2025-11-30T09:00", NEW_YORK));
    assertThat(due.complete().setBy()).isEqualTo(SetBy.PROMISE);
  }

  @Test
  void a_promise_to_acknowledge_later_than_ccpa_allows_loses_to_the_law() {
    ProductPromises promises =
        ProductPromises.of(Promise.acknowledgeAndComplete(Span.days(15), Span.days(30)));

    DueDates due =
        deadlines(promises, NEW_YORK_CALENDAR)
            .dueDates(at("2025-10-28T09:00", NEW_YORK), Set.of(CCPA), RequestSource.EMAIL);

    assertThat(due.acknowledgeBy()).contains(at("2025-11-12T09:00", NEW_YORK));
    assertThat(due.acknowledge().orElseThrow().setBy()).isEqualTo(SetBy.LAW);
  }

  @Test
  void dpdp_bounds_a_longer_promise_at_90_days_and_yields_to_a_shorter_one() {
    Instant received = jakarta("2025-01-01T09:00");

    DueDates slow =
        deadlines(completeWithin(Span.days(120)), JAKARTA_CALENDAR)
            .dueDates(received, Set.of(DPDP), RequestSource.EMAIL);
    DueDates quick =
        deadlines(completeWithin(Span.days(30)), JAKARTA_CALENDAR)
            .dueDates(received, Set.of(DPDP), RequestSource.EMAIL);

    assertThat(slow.completeBy()).isEqualTo(jakarta("2025-04-01T09:00"));
    assertThat(slow.complete().setBy()).isEqualTo(SetBy.LAW);
    assertThat(quick.completeBy()).isEqualTo(jakarta("2025-01-31T09:00"));
    assertThat(quick.complete().setBy()).isEqualTo(SetBy.PROMISE);
  }

  @Test
  void under_uu_pdp_the_promise_sets_both_dates() {
    ProductPromises promises =
        ProductPromises.of(Promise.acknowledgeAndComplete(Span.businessDays(3), Span.days(30)));

    DueDates due =
        deadlines(promises, JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-03T15:00"), Set.of(UU_PDP), RequestSource.WEB_FORM);

    assertThat(due.acknowledgeBy()).contains(jakarta("2025-01-08T15:00"));
    assertThat(due.completeBy()).isEqualTo(jakarta("2025-02-02T15:00"));
    assertThat(due.acknowledge().orElseThrow().setBy()).isEqualTo(SetBy.PROMISE);
    assertThat(due.complete().setBy()).isEqualTo(SetBy.PROMISE);
  }

  @Test
  void under_lgpd_without_an_acknowledgement_promise_none_is_due() {
    DueDates due =
        deadlines(completeWithin(Span.days(30)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-03T15:00"), Set.of(LGPD), RequestSource.EMAIL);

    assertThat(due.acknowledge()).isEmpty();
    assertThat(due.completeBy()).isEqualTo(jakarta("2025-02-02T15:00"));
  }

  @Test
  void each_source_uses_its_own_promise_and_the_law_still_caps_it() {
    ProductPromises promises =
        ProductPromises.of(Promise.completeWithin(Span.days(30)))
            .with(RequestSource.SELF_SERVICE, Promise.completeWithin(Span.hours(24)))
            .with(RequestSource.META_CALLBACK, Promise.completeWithin(Span.days(30)));
    Deadlines deadlines = deadlines(promises, JAKARTA_CALENDAR);
    Instant received = jakarta("2025-01-31T10:00");

    DueDates selfService = deadlines.dueDates(received, Set.of(GDPR), RequestSource.SELF_SERVICE);
    DueDates metaCallback = deadlines.dueDates(received, Set.of(GDPR), RequestSource.META_CALLBACK);
    DueDates metaCallbackOutsideGdpr =
        deadlines.dueDates(received, Set.of(UU_PDP), RequestSource.META_CALLBACK);

    assertThat(selfService.completeBy()).isEqualTo(jakarta("2025-02-01T10:00"));
    // Thirty days from 31 January is 2 March, after GDPR's 28 February.
    assertThat(metaCallback.completeBy()).isEqualTo(jakarta("2025-02-28T10:00"));
    assertThat(metaCallback.complete().setBy()).isEqualTo(SetBy.LAW);
    assertThat(metaCallbackOutsideGdpr.completeBy()).isEqualTo(jakarta("2025-03-02T10:00"));
    assertThat(metaCallbackOutsideGdpr.complete().rule())
        .isEqualTo("our promise (meta_callback): complete within 30 calendar days");
  }

  @Test
  void under_several_jurisdictions_each_date_takes_the_strictest_rule() {
    DueDates due =
        deadlines(completeWithin(Span.days(120)), NEW_YORK_CALENDAR)
            .dueDates(
                at("2025-10-28T09:00", NEW_YORK), Set.of(GDPR, CCPA, DPDP), RequestSource.EMAIL);

    assertThat(due.acknowledgeBy()).contains(at("2025-11-12T09:00", NEW_YORK));
    assertThat(due.acknowledge().orElseThrow().rule()).startsWith("CCPA");
    assertThat(due.completeBy()).isEqualTo(at("2025-11-28T09:00", NEW_YORK));
    assertThat(due.complete().rule()).startsWith("GDPR");
    assertThat(due.jurisdictions()).containsExactly(GDPR, CCPA, DPDP);
  }

  @Test
  void completion_is_overdue_from_its_due_instant_on() {
    DueDates due =
        deadlines(completeWithin(Span.hours(24)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.SELF_SERVICE);
    Instant completeBy = jakarta("2025-02-01T10:00");

    assertThat(due.isOverdue(completeBy.minusSeconds(1))).isFalse();
    assertThat(due.isOverdue(completeBy)).isTrue();
  }

  @Test
  void completion_is_due_soon_only_inside_the_window_and_before_it_is_overdue() {
    DueDates due =
        deadlines(completeWithin(Span.days(60)), JAKARTA_CALENDAR)
            .dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.EMAIL);
    Instant completeBy = jakarta("2025-02-28T10:00");
    Duration threeDays = Duration.ofDays(3);

    assertThat(due.dueSoon(completeBy.minus(Duration.ofDays(5)), threeDays)).isFalse();
    assertThat(due.dueSoon(completeBy.minus(Duration.ofDays(2)), threeDays)).isTrue();
    assertThat(due.dueSoon(completeBy.minus(threeDays), threeDays)).isTrue();
    assertThat(due.dueSoon(completeBy, threeDays)).isFalse();
  }

  @Test
  void acknowledgement_is_overdue_only_when_one_is_due() {
    Instant received = at("2025-10-28T09:00", NEW_YORK);
    Deadlines deadlines = deadlines(completeWithin(Span.days(60)), NEW_YORK_CALENDAR);

    DueDates ccpa = deadlines.dueDates(received, Set.of(CCPA), RequestSource.EMAIL);
    DueDates gdpr = deadlines.dueDates(received, Set.of(GDPR), RequestSource.EMAIL);

    Instant later = at("2025-11-20T09:00", NEW_YORK);
    assertThat(ccpa.acknowledgementOverdue(later)).isTrue();
    assertThat(ccpa.acknowledgementOverdue(received)).isFalse();
    assertThat(gdpr.acknowledgementOverdue(later)).isFalse();
  }
}
