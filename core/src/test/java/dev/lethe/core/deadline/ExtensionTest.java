package dev.lethe.core.deadline;

import static dev.lethe.core.deadline.Jurisdiction.CCPA;
import static dev.lethe.core.deadline.Jurisdiction.DPDP;
import static dev.lethe.core.deadline.Jurisdiction.GDPR;
import static dev.lethe.core.deadline.Jurisdiction.LGPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.deadline.Due.SetBy;
import dev.lethe.core.deadline.ExtensionRefusedException.Why;
import dev.lethe.core.request.RequestSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtensionTest {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final String REASON = "several accounts and an unusually large message history";

  static Instant at(String localDateTime, ZoneId zone) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
  }

  static Instant jakarta(String localDateTime) {
    return at(localDateTime, JAKARTA);
  }

  static Deadlines deadlinesAt(Instant now, Span promise, ZoneId zone) {
    return new Deadlines(
        Clock.fixed(now, ZoneOffset.UTC),
        ProductPromises.of(Promise.completeWithin(promise)),
        BusinessCalendar.of(zone));
  }

  static DueDates gdprRequestOnJanuary31(Deadlines deadlines) {
    return deadlines.dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR), RequestSource.EMAIL);
  }

  static Why refusal(Runnable extension) {
    try {
      extension.run();
    } catch (ExtensionRefusedException e) {
      return e.why();
    }
    throw new AssertionError("the extension was granted");
  }

  @Test
  void gdpr_grants_two_more_months_announced_within_the_first_month() {
    Instant now = jakarta("2025-02-10T12:00");
    Deadlines deadlines = deadlinesAt(now, Span.days(60), JAKARTA);
    DueDates due = gdprRequestOnJanuary31(deadlines);

    DueDates extended = deadlines.extend(due, REASON, Span.months(2));

    // 28 February plus two months: 28 April (not 30 April, as three months from 31 January).
    assertThat(extended.completeBy()).isEqualTo(jakarta("2025-04-28T10:00"));
    assertThat(extended.complete().setBy()).isEqualTo(SetBy.EXTENSION);
    assertThat(extended.complete().rule()).startsWith("extended by 2 months; GDPR Art. 12(3)");
    assertThat(extended.extensions())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.decidedAt()).isEqualTo(now);
              assertThat(e.reason()).isEqualTo(REASON);
              assertThat(e.previousCompleteBy()).isEqualTo(jakarta("2025-02-28T10:00"));
            });
    assertThat(extended.acknowledge()).isEqualTo(due.acknowledge());
  }

  @Test
  void gdpr_refuses_an_extension_beyond_two_more_months() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-10T12:00"), Span.days(60), JAKARTA);
    DueDates due = gdprRequestOnJanuary31(deadlines);

    assertThat(refusal(() -> deadlines.extend(due, REASON, Span.months(3))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
    assertThat(refusal(() -> deadlines.extend(due, REASON, Span.days(60))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
  }

  @Test
  void repeated_extensions_together_stay_within_the_legal_maximum() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-10T12:00"), Span.days(60), JAKARTA);
    DueDates twice =
        deadlines.extend(
            deadlines.extend(gdprRequestOnJanuary31(deadlines), REASON, Span.months(1)),
            REASON,
            Span.months(1));

    assertThat(twice.completeBy()).isEqualTo(jakarta("2025-04-28T10:00"));
    assertThat(twice.extensions()).hasSize(2);
    assertThat(refusal(() -> deadlines.extend(twice, REASON, Span.days(1))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
  }

  @Test
  void an_extension_announced_after_the_first_month_is_too_late() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-28T10:00"), Span.days(60), JAKARTA);

    assertThat(
            refusal(
                () -> deadlines.extend(gdprRequestOnJanuary31(deadlines), REASON, Span.days(1))))
        .isEqualTo(Why.NOTICE_TOO_LATE);
  }

  @Test
  void an_extension_needs_a_reason() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-10T12:00"), Span.days(60), JAKARTA);

    assertThat(
            refusal(() -> deadlines.extend(gdprRequestOnJanuary31(deadlines), " ", Span.days(1))))
        .isEqualTo(Why.BLANK_REASON);
    assertThat(
            refusal(() -> deadlines.extend(gdprRequestOnJanuary31(deadlines), null, Span.days(1))))
        .isEqualTo(Why.BLANK_REASON);
  }

  @Test
  void without_a_legal_period_there_is_nothing_to_extend() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-10T12:00"), Span.days(30), JAKARTA);
    DueDates due =
        deadlines.dueDates(jakarta("2025-01-31T10:00"), Set.of(LGPD), RequestSource.EMAIL);

    assertThatThrownBy(() -> deadlines.extend(due, REASON, Span.days(10)))
        .isInstanceOf(ExtensionRefusedException.class)
        .hasMessageContaining("promise stands");
  }

  @Test
  void ccpa_grants_45_more_days_up_to_90_from_receipt() {
    Deadlines deadlines = deadlinesAt(at("2025-11-20T09:00", NEW_YORK), Span.days(60), NEW_YORK);
    DueDates due =
        deadlines.dueDates(at("2025-10-28T09:00", NEW_YORK), Set.of(CCPA), RequestSource.EMAIL);

    assertThat(deadlines.extend(due, REASON, Span.days(45)).completeBy())
        .isEqualTo(at("2026-01-26T09:00", NEW_YORK));
    assertThat(refusal(() -> deadlines.extend(due, REASON, Span.days(46))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
  }

  @Test
  void under_dpdp_a_promise_may_be_stretched_only_to_the_90_day_bound() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-01-10T09:00"), Span.days(30), JAKARTA);
    DueDates due =
        deadlines.dueDates(jakarta("2025-01-01T09:00"), Set.of(DPDP), RequestSource.EMAIL);

    assertThat(deadlines.extend(due, REASON, Span.days(60)).completeBy())
        .isEqualTo(jakarta("2025-04-01T09:00"));
    assertThat(refusal(() -> deadlines.extend(due, REASON, Span.days(61))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
  }

  @Test
  void under_several_jurisdictions_the_earliest_legal_maximum_caps_the_extension() {
    Deadlines deadlines = deadlinesAt(jakarta("2025-02-10T12:00"), Span.days(60), JAKARTA);
    DueDates due =
        deadlines.dueDates(jakarta("2025-01-31T10:00"), Set.of(GDPR, CCPA), RequestSource.EMAIL);

    // CCPA alone would allow 1 May (90 days); GDPR stops at 28 April.
    assertThat(deadlines.extend(due, REASON, Span.days(59)).completeBy())
        .isEqualTo(jakarta("2025-04-28T10:00"));
    assertThat(refusal(() -> deadlines.extend(due, REASON, Span.days(60))))
        .isEqualTo(Why.BEYOND_LEGAL_MAXIMUM);
  }
}
