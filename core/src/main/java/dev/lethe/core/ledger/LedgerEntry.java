package dev.lethe.core.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One link of the ledger: a canonical JSON body (a receipt, never personal data), what it is, what
 * it is about, when it was recorded, and the hashes that chain it to the entry before.
 */
public record LedgerEntry(
    long seq,
    String type,
    String reference,
    Instant recordedAt,
    String body,
    String bodyHash,
    String previousHash,
    String entryHash) {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Pattern REFERENCE = Pattern.compile("[^\\p{Cntrl}]{1,255}");

  public LedgerEntry {
    if (seq < 1) {
      throw new IllegalArgumentException("ledger seqs start at 1");
    }
    requireType(type);
    requireReference(reference);
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(bodyHash, "bodyHash");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(entryHash, "entryHash");
  }

  /** A new entry after the one whose hash is {@code previousHash}, its hashes computed. */
  static LedgerEntry link(
      long seq,
      String type,
      String reference,
      Instant recordedAt,
      String canonicalBody,
      String previousHash) {
    String bodyHash = ChainHashes.bodyHash(canonicalBody);
    return new LedgerEntry(
        seq,
        type,
        reference,
        recordedAt,
        canonicalBody,
        bodyHash,
        previousHash,
        ChainHashes.entryHash(seq, type, reference, recordedAt, bodyHash, previousHash));
  }

  /** Lower-case letters, digits, dots and dashes, such as {@code erasure-receipt}. */
  static void requireType(String type) {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "an entry type is 1-64 lower-case letters, digits, dots or dashes");
    }
  }

  /** A request or run id: 1-255 characters, none of them control characters (no line breaks). */
  static void requireReference(String reference) {
    if (reference == null || reference.isBlank() || !REFERENCE.matcher(reference).matches()) {
      throw new IllegalArgumentException(
          "an entry reference is 1-255 characters without control characters");
    }
  }

  /** This entry as a point to keep outside the database. */
  public Anchor anchor() {
    return new Anchor(seq, entryHash);
  }

  /** Leaves the body out: logs show which entry, never what it says. */
  @Override
  public String toString() {
    return "LedgerEntry[seq="
        + seq
        + ", type="
        + type
        + ", reference="
        + reference
        + ", recordedAt="
        + recordedAt
        + ", entryHash="
        + entryHash
        + "]";
  }
}
