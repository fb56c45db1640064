package dev.lethe.core.meta;

import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_PAYLOAD;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.UNSUPPORTED_ALGORITHM;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the payload JSON of a signed request whose signature has already been checked. Never call
 * it before: the JSON of an unsigned request is attacker input.
 */
final class PayloadReader {

  static final String ALGORITHM = "HMAC-SHA256";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The fields Lethe uses; exactly one of userId and pageId is present. */
  record Fields(
      Optional<String> userId,
      Optional<String> pageId,
      Instant issuedAt,
      Optional<Instant> expires) {}

  private PayloadReader() {}

  static Fields read(byte[] json) {
    JsonNode payload = parse(json);
    requireHmacSha256(payload.get("algorithm"));
    Instant issuedAt =
        epochSeconds(payload.get("issued_at"))
            .orElseThrow(() -> new InvalidSignedRequestException(BAD_PAYLOAD));
    Optional<Instant> expires = expires(payload.get("expires"));
    String userId = decimalId(payload.get("user_id"));
    if (!userId.equals("0")) {
      return new Fields(Optional.of(userId), Optional.empty(), issuedAt, expires);
    }
    // A Page removed the app: user_id is "0" and profile_id names the Page.
    String pageId = decimalId(payload.get("profile_id"));
    if (pageId.equals("0")) {
      throw new InvalidSignedRequestException(BAD_PAYLOAD);
    }
    return new Fields(Optional.empty(), Optional.of(pageId), issuedAt, expires);
  }

  private static JsonNode parse(byte[] json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new InvalidSignedRequestException(BAD_PAYLOAD);
      }
      return node;
    } catch (IOException e) {
      // The parser's message may quote the payload; it is dropped on purpose.
      throw new InvalidSignedRequestException(BAD_PAYLOAD);
    }
  }

  /** Compared ignoring case, as Meta's own SDKs do. */
  private static void requireHmacSha256(JsonNode algorithm) {
    if (algorithm == null
        || !algorithm.isTextual()
        || !ALGORITHM.equalsIgnoreCase(algorithm.asText())) {
      throw new InvalidSignedRequestException(UNSUPPORTED_ALGORITHM);
    }
  }

  /** Absent, or 0 (the old "never expires"), means no expiry. */
  private static Optional<Instant> expires(JsonNode expires) {
    if (expires == null || expires.isNull()) {
      return Optional.empty();
    }
    Instant at =
        epochSeconds(expires).orElseThrow(() -> new InvalidSignedRequestException(BAD_PAYLOAD));
    return at.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(at);
  }

  private static Optional<Instant> epochSeconds(JsonNode node) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.ofEpochSecond(node.asLong()));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** A JSON string of digits or a non-negative JSON integer, as canonical decimal text. */
  private static String decimalId(JsonNode node) {
    Optional<String> id = Optional.empty();
    if (node != null && node.isTextual()) {
      id = DecimalId.normalize(node.asText());
    } else if (node != null && node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) {
      id = DecimalId.normalize(node.bigIntegerValue().toString());
    }
    return id.orElseThrow(() -> new InvalidSignedRequestException(BAD_PAYLOAD));
  }
}
