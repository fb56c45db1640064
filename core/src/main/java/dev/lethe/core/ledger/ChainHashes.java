package dev.lethe.core.ledger;

import dev.lethe.core.identity.ThreadCrypto;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The hashes that link the chain, exactly as {@code docs/ledger.md} describes them, so that anyone
 * can recompute them elsewhere. Changing anything here breaks every existing ledger.
 */
final class ChainHashes {

  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  /** First line of every hashed entry: names the encoding. */
  static final String ENCODING = "lethe-ledger-v1";

  private static final DateTimeFormatter RECORDED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private ChainHashes() {}

  /** Hex SHA-256 of the body's UTF-8 bytes, as stored (already canonical). */
  static String bodyHash(String body) {
    return sha256(body);
  }

  /** Hex SHA-256 over the entry's fields, one per line, joined by LF, no trailing LF. */
  static String entryHash(
      long seq,
      String type,
      String reference,
      Instant recordedAt,
      String bodyHash,
      String previousHash) {
    return sha256(
        String.join(
            "\n",
            ENCODING,
            Long.toString(seq),
            type,
            reference,
            recordedAt(recordedAt),
            bodyHash,
            previousHash));
  }

  /** UTC, always six fractional digits: {@code 2025-03-01T10:15:30.123000Z}. */
  static String recordedAt(Instant instant) {
    return RECORDED_AT.format(instant);
  }

  private static String sha256(String text) {
    return ThreadCrypto.sha256Hex(text);
  }
}
