package dev.lethe.core.ledger;

import java.util.regex.Pattern;

/**
 * A point of the chain (its seq and entry hash) that operators keep outside Lethe's database, so
 * that a rewritten or shortened chain can be told from the original. Seq 0 is the empty chain.
 */
public record Anchor(long seq, String entryHash) {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Anchor {
    if (seq < 0) {
      throw new IllegalArgumentException("an anchor's seq is 0 or more");
    }
    if (entryHash == null || !HEX_SHA256.matcher(entryHash).matches()) {
      throw new IllegalArgumentException("an anchor's hash is 64 lower-case hex digits");
    }
  }

  /** The anchor of a ledger with no entries. */
  public static Anchor empty() {
    return new Anchor(0, ChainHashes.GENESIS);
  }

  /** {@code seq:hash}, the form to publish. */
  @Override
  public String toString() {
    return seq + ":" + entryHash;
  }

  /** Reads the form {@link #toString()} writes. */
  public static Anchor parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("an anchor reads seq:hash");
    }
    try {
      return new Anchor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an anchor reads seq:hash");
    }
  }
}
