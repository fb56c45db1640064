package dev.lethe.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpanTextTest {

  @Test
  void spans_are_read_as_configuration_writes_them_long_or_short() {
    assertThat(Span.parse("1 month")).isEqualTo(Span.months(1));
    assertThat(Span.parse("3mo")).isEqualTo(Span.months(3));
    assertThat(Span.parse("30 days")).isEqualTo(Span.days(30));
    assertThat(Span.parse(" 30D ")).isEqualTo(Span.days(30));
    assertThat(Span.parse("2 business days")).isEqualTo(Span.businessDays(2));
    assertThat(Span.parse("10bd")).isEqualTo(Span.businessDays(10));
    assertThat(Span.parse("24 hours")).isEqualTo(Span.hours(24));
    assertThat(Span.parse("1h")).isEqualTo(Span.hours(1));
  }

  @Test
  void anything_else_is_refused_with_the_accepted_forms() {
    for (String bad : new String[] {"", "30", "days", "0 days", "-1 days", "1.5 days", "2 weeks"}) {
      assertThatThrownBy(() -> Span.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("30 days");
    }
  }

  @Test
  void jurisdictions_are_read_by_regime_or_by_region() {
    assertThat(Jurisdiction.fromCode("gdpr")).contains(Jurisdiction.GDPR);
    assertThat(Jurisdiction.fromCode("EU")).contains(Jurisdiction.GDPR);
    assertThat(Jurisdiction.fromCode("US-CA")).contains(Jurisdiction.CCPA);
    assertThat(Jurisdiction.fromCode("uu-pdp")).contains(Jurisdiction.UU_PDP);
    assertThat(Jurisdiction.fromCode("ID")).contains(Jurisdiction.UU_PDP);
    assertThat(Jurisdiction.fromCode("BR")).contains(Jurisdiction.LGPD);
    assertThat(Jurisdiction.fromCode("IN")).contains(Jurisdiction.DPDP);
    assertThat(Jurisdiction.fromCode("OTHER")).contains(Jurisdiction.OTHER);
    assertThat(Jurisdiction.fromCode("FR")).isEmpty();
    assertThat(Jurisdiction.fromCode(null)).isEmpty();
  }
}
