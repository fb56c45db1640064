package dev.lethe.core.ledger;

import java.util.Objects;
import java.util.Optional;

/**
 * What a walk of the chain found: how many entries it checked, the head it checked up to, and the
 * first broken link if any. Details name seqs and hashes, never bodies.
 */
public record Verification(long entriesChecked, Anchor head, Optional<Break> firstBreak) {

  public Verification {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(firstBreak, "firstBreak");
  }

  /** True when every link holds (and the anchor, if one was given, is still there). */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** The first place where the chain does not hold. */
  public record Break(long seq, Reason reason, String detail) {
    public Break {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** What did not hold at a break. */
  public enum Reason {
    /** An entry is missing: the seqs are not 1, 2, 3… (a deleted or renumbered row). */
    MISSING_SEQ,
    /** The body's SHA-256 differs from the stored body hash (the body was edited). */
    BODY_HASH_MISMATCH,
    /** The previous hash differs from the entry hash before (a removed, inserted or moved row). */
    PREVIOUS_LINK_BROKEN,
    /** The entry hash differs from the hash of the entry's fields (a field or hash was edited). */
    ENTRY_HASH_MISMATCH,
    /** The chain ends before, or differs at, the head that appends keep (a removed tail). */
    HEAD_MISMATCH,
    /** The anchored entry is gone or changed (the chain was shortened or rewritten). */
    ANCHOR_MISMATCH
  }
}
