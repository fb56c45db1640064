package dev.lethe.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JurisdictionTest {

  @Test
  void gdpr_asks_no_acknowledgement_completion_in_one_month_and_allows_two_more() {
    assertThat(Jurisdiction.GDPR.acknowledge()).isEmpty();
    assertThat(Jurisdiction.GDPR.complete().orElseThrow().span()).isEqualTo(Span.months(1));
    assertThat(Jurisdiction.GDPR.complete().orElseThrow().citation()).contains("Art. 12(3)");
    assertThat(Jurisdiction.GDPR.extension().orElseThrow().maximum()).isEqualTo(Span.months(2));
  }

  @Test
  void ccpa_asks_acknowledgement_in_ten_business_days_and_completion_in_45_days_plus_45() {
    assertThat(Jurisdiction.CCPA.acknowledge().orElseThrow().span())
        .isEqualTo(Span.businessDays(10));
    assertThat(Jurisdiction.CCPA.complete().orElseThrow().span()).isEqualTo(Span.days(45));
    assertThat(Jurisdiction.CCPA.extension().orElseThrow().maximum()).isEqualTo(Span.days(45));
    assertThat(Jurisdiction.CCPA.complete().orElseThrow().citation()).contains("§7021");
  }

  @Test
  void dpdp_is_bounded_by_the_90_day_grievance_period_without_extension() {
    assertThat(Jurisdiction.DPDP.acknowledge()).isEmpty();
    assertThat(Jurisdiction.DPDP.complete().orElseThrow().span()).isEqualTo(Span.days(90));
    assertThat(Jurisdiction.DPDP.complete().orElseThrow().citation()).contains("grievance");
    assertThat(Jurisdiction.DPDP.extension()).isEmpty();
  }

  @Test
  void uu_pdp_lgpd_and_other_set_no_period_and_say_the_promise_governs() {
    for (Jurisdiction regime :
        new Jurisdiction[] {Jurisdiction.UU_PDP, Jurisdiction.LGPD, Jurisdiction.OTHER}) {
      assertThat(regime.acknowledge()).isEmpty();
      assertThat(regime.complete()).isEmpty();
      assertThat(regime.extension()).isEmpty();
      assertThat(regime.citation()).contains("promise governs");
    }
  }

  @Test
  void every_regime_carries_a_citation_for_operators() {
    for (Jurisdiction regime : Jurisdiction.values()) {
      assertThat(regime.citation()).isNotBlank();
    }
  }
}
