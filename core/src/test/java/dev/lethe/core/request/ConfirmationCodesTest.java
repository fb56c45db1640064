package dev.lethe.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmationCodesTest {

  private final ConfirmationCodes codes = new ConfirmationCodes();

  @Test
  void a_code_is_24_alphanumeric_characters_without_look_alikes() {
    String code = codes.next();

    assertThat(code).hasSize(24).matches("[0-9A-Z]{24}").doesNotContain("I", "L", "O", "U");
    assertThat(ConfirmationCodes.isWellFormed(code)).isTrue();
  }

  @Test
  void a_code_carries_at_least_100_bits() {
    double bits =
        ConfirmationCodes.LENGTH * (Math.log(ConfirmationCodes.ALPHABET.length()) / Math.log(2));

    assertThat(bits).isGreaterThanOrEqualTo(100);
  }

  @Test
  void a_hundred_thousand_codes_are_all_different() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      seen.add(codes.next());
    }

    assertThat(seen).hasSize(100_000);
  }

  @Test
  void every_letter_of_the_alphabet_is_drawn() {
    ConfirmationCodes seeded = new ConfirmationCodes(new Random(7));
    StringBuilder drawn = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      drawn.append(seeded.next());
    }

    assertThat(drawn.chars().distinct().count()).isEqualTo(ConfirmationCodes.ALPHABET.length());
  }

  @Test
  void a_code_typed_by_a_person_reads_back_to_its_canonical_form() {
    String code = "7K2M9QX4RB0D1TZ3W8H5N6PC";

    assertThat(ConfirmationCodes.read(code)).contains(code);
    assertThat(ConfirmationCodes.read("  7k2m9qx4rb0d1tz3w8h5n6pc\n")).contains(code);
    assertThat(ConfirmationCodes.read("7K2M9QX4RBODITZ3W8H5N6PC")).contains(code);
    assertThat(ConfirmationCodes.read("7K2M9QX4RBodlTZ3W8H5N6PC")).contains(code);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "7K2M9QX4RB0D1TZ3W8H5N6P",
        "7K2M9QX4RB0D1TZ3W8H5N6PCX",
        "7K2M-9QX4-RB0D-1TZ3-W8H5",
        "7K2M9QX4RB0D1TZ3W8H5N6PU",
        "' OR 1=1 --AAAAAAAAAAAAAA",
        "ÄK2M9QX4RB0D1TZ3W8H5N6PC"
      })
  void junk_is_not_a_code(String typed) {
    assertThat(ConfirmationCodes.read(typed)).isEmpty();
    assertThat(ConfirmationCodes.isWellFormed(typed)).isFalse();
  }

  @Test
  void very_long_input_is_refused_without_reading_it() {
    assertThat(ConfirmationCodes.read("A".repeat(1_000_000))).isEmpty();
  }
}
