package dev.lethe.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "received from meta_callback|received from meta_callback",
        "  padded note  |padded note",
        "write to ana@example.com please|write to <redacted> please",
        "call +44 20 7946 0958 today|call <redacted> today",
        "psid 1234567 asked|psid <redacted> asked",
        "only 123456 digits|only 123456 digits",
        "12 34 56 apart|12 34 56 apart",
        "run 2f0c1d2e-1234567-abc kept|run 2f0c1d2e-1234567-abc kept",
        "a@b|<redacted>",
      })
  void personal_data_is_redacted_and_lethes_own_notes_pass_unchanged(String note, String shown) {
    assertThat(Notes.redact(note)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource({"500,500", "501,500", "2000,500"})
  void long_notes_are_cut(int length, int shown) {
    assertThat(Notes.redact("x".repeat(length))).hasSize(shown);
  }
}
