package dev.lethe.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void keys_are_sorted_at_every_depth_and_whitespace_is_dropped() {
    String canonical =
        CanonicalJson.of(
            """
            { "z": [ {"b": 2, "a": 1} ],
              "a": {"y": null, "x": "text with  spaces"} }
            """);

    assertThat(canonical)
        .isEqualTo("{\"a\":{\"x\":\"text with  spaces\",\"y\":null},\"z\":[{\"a\":1,\"b\":2}]}");
  }

  @Test
  void the_same_object_written_two_ways_has_one_canonical_text() {
    assertThat(CanonicalJson.of("{\"runId\":\"r-1\",\"deleted\":{\"messages\":3,\"media\":1}}"))
        .isEqualTo(
            CanonicalJson.of(
                "{\n  \"deleted\" : { \"media\" : 1, \"messages\" : 3 },\n  \"runId\" : \"r-1\"\n}"));
  }

  @Test
  void a_canonical_text_is_its_own_canonical_text() {
    String once = CanonicalJson.of("{\"b\":[1,2.5,true],\"a\":\"\\u00e9\"}");

    assertThat(CanonicalJson.of(once)).isEqualTo(once);
  }

  @Test
  void duplicate_keys_are_refused() {
    assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void text_after_the_object_is_refused() {
    assertThatThrownBy(() -> CanonicalJson.of("{\"a\":1} {\"b\":2}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void only_objects_are_bodies() {
    assertThatThrownBy(() -> CanonicalJson.of("[1,2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void a_refusal_never_repeats_the_body() {
    assertThatThrownBy(() -> CanonicalJson.of("{\"subject\":\"carol@example.com\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("carol"));
  }
}
