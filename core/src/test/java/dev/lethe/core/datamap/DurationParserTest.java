package dev.lethe.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "13 months, P13M",
    "7 years, P7Y",
    "30 days, P30D",
    "2 weeks, P14D",
    "1 year, P1Y",
    "1 day, P1D",
    "1 Month, P1M",
    "P13M, P13M",
    "P7Y, P7Y",
    "P1Y6M, P1Y6M",
    "P2W, P14D"
  })
  void durations_in_words_or_iso_form_parse(String text, String expected) {
    assertThat(DurationParser.parse(text)).contains(Period.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "13",
        "months",
        "13months",
        "-1 year",
        "0 days",
        "P0D",
        "-P1Y",
        "1.5 years",
        "13 fortnights",
        "p13m",
        "9999999999 days"
      })
  void anything_else_is_not_a_duration(String text) {
    assertThat(DurationParser.parse(text)).isEmpty();
  }
}
