package dev.lethe.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The vector printed in docs/ledger.md, so other implementations can check themselves. */
class ChainHashesTest {

  static final String BODY_HASH =
      "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";

  @Test
  void the_body_hash_is_the_sha256_of_the_stored_text() {
    assertThat(ChainHashes.bodyHash("{\"a\":1}")).isEqualTo(BODY_HASH);
  }

  @Test
  void the_entry_hash_of_the_documented_example_is_the_documented_value() {
    String hash =
        ChainHashes.entryHash(
            1,
            "erasure-receipt",
            "run-42",
            Instant.parse("2025-03-01T10:15:30.123Z"),
            BODY_HASH,
            ChainHashes.GENESIS);

    assertThat(hash).isEqualTo("8340aab298fe37f29e5aa8bc17eb9e1a1dda96520fd1251df1493211ee3554b4");
  }

  @Test
  void recorded_at_is_written_in_utc_with_six_fraction_digits() {
    assertThat(ChainHashes.recordedAt(Instant.parse("2025-03-01T10:15:30Z")))
        .isEqualTo("2025-03-01T10:15:30.000000Z");
    assertThat(ChainHashes.recordedAt(Instant.parse("2025-12-31T23:59:59.000001Z")))
        .isEqualTo("2025-12-31T23:59:59.000001Z");
  }

  @Test
  void the_genesis_is_sixty_four_zeros() {
    assertThat(ChainHashes.GENESIS).hasSize(64).matches("0+");
  }
}
