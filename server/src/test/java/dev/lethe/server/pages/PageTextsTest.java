package dev.lethe.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.deadline.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The pages' texts exist in both languages, and times read naturally in each. */
class PageTextsTest {

  static final Locale EN = Locale.ENGLISH;
  static final Locale ID = Locale.forLanguageTag("id");

  final PageTexts texts = new PageTexts(messages(), ZoneId.of("Asia/Jakarta"));

  @Test
  void every_text_is_written_in_english_and_in_indonesian() throws IOException {
    Properties english = load("messages/pages.properties");
    Properties indonesian = load("messages/pages_id.properties");

    assertThat(indonesian.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (Properties texts : new Properties[] {english, indonesian}) {
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        assertThat(text).as(key).isNotBlank();
        if (text.contains("{")) {
          assertThat(new MessageFormat(text, EN).format(new Object[] {2, "x", "y"}))
              .as(key)
              .doesNotContain("{");
        }
      }
    }
  }

  @Test
  void spans_and_periods_are_written_in_each_language() {
    assertThat(texts.span(Span.businessDays(10), EN)).isEqualTo("10 business days");
    assertThat(texts.span(Span.businessDays(10), ID)).isEqualTo("10 hari kerja");
    assertThat(texts.span(Span.months(1), EN)).isEqualTo("1 month");
    assertThat(texts.span(Span.days(45), EN)).isEqualTo("45 calendar days");
    assertThat(texts.span(Span.hours(24), EN)).isEqualTo("24 hours");
    assertThat(texts.span(Span.hours(24), ID)).isEqualTo("24 jam");
    assertThat(texts.period(Period.ofMonths(13), EN)).isEqualTo("13 months");
    assertThat(texts.period(Period.ofMonths(13), ID)).isEqualTo("13 bulan");
    assertThat(texts.period(Period.of(1, 6, 0), EN)).isEqualTo("1 year and 6 months");
    assertThat(texts.period(Period.ofYears(7), ID)).isEqualTo("7 tahun");
    assertThat(texts.duration(Duration.ofHours(48), EN)).isEqualTo("2 days");
    assertThat(texts.duration(Duration.ofHours(5), ID)).isEqualTo("5 jam");
  }

  @Test
  void dates_are_written_in_the_pages_zone_with_month_names_of_each_language() {
    Instant instant = Instant.parse("2026-07-01T03:04:00Z");

    assertThat(texts.dateTime(instant, EN)).isEqualTo("1 July 2026, 10:04 WIB");
    assertThat(texts.dateTime(instant, ID)).isEqualTo("1 Juli 2026, 10.04 WIB");
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages/pages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PageTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
