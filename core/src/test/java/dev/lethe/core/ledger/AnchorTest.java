package dev.lethe.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnchorTest {

  @Test
  void an_anchor_reads_back_what_it_writes() {
    Anchor anchor = new Anchor(42, "ab".repeat(32));

    assertThat(Anchor.parse(anchor.toString())).isEqualTo(anchor);
    assertThat(anchor.toString()).isEqualTo("42:" + "ab".repeat(32));
  }

  @Test
  void the_empty_anchor_is_seq_zero_and_the_genesis() {
    assertThat(Anchor.empty()).isEqualTo(new Anchor(0, ChainHashes.GENESIS));
  }

  @Test
  void malformed_anchors_are_refused() {
    assertThatThrownBy(() -> Anchor.parse("42")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Anchor.parse("x:" + "ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Anchor(1, "AB".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Anchor(-1, ChainHashes.GENESIS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
