package dev.lethe.server.form;

import dev.lethe.core.identity.KeyedHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bot check of the request form, without a third-party service: every form carries a token
 * signed with the installation secret that says when the form was shown. A form sent back sooner
 * than a person could fill it in, or long after, or with a token not of our making, is refused; a
 * token that made a request cannot make another. Robots that fill every field are caught by a field
 * people never see (the form's trap). No proof-of-work: it would need scripts, and costs people on
 * slow phones more than robots on servers; the e-mail verification and the rate limits already make
 * each request expensive to fake.
 */
final class FormTokens {

  /** What a token says of the form it came with. */
  enum Verdict {
    FINE,
    /** Missing, malformed, or not signed by us. */
    FORGED,
    TOO_FAST,
    EXPIRED,
    /** It already made a request. */
    SPENT
  }

  private static final String PURPOSE = "request-form-token";
  private static final int MAX_SPENT = 100_000;

  private final KeyedHasher hasher;
  private final Clock clock;
  private final Duration minFill;
  private final Duration maxAge;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> spent =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
          return size() > MAX_SPENT;
        }
      };

  FormTokens(KeyedHasher hasher, Clock clock, Duration minFill, Duration maxAge) {
    this.hasher = hasher;
    this.clock = clock;
    this.minFill = minFill;
    this.maxAge = maxAge;
  }

  /** A token for a form shown now. */
  String issue() {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String body = clock.millis() + "." + HexFormat.of().formatHex(nonce);
    return body + "." + hasher.hex(body, PURPOSE);
  }

  Verdict check(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3 || !parts[0].matches("\\d{1,15}") || !parts[1].matches("[0-9a-f]{24}")) {
      return Verdict.FORGED;
    }
    String body = parts[0] + "." + parts[1];
    if (!MessageDigest.isEqual(
        hasher.hex(body, PURPOSE).getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.FORGED;
    }
    Instant shown = Instant.ofEpochMilli(Long.parseLong(parts[0]));
    Instant now = clock.instant();
    if (now.isBefore(shown.plus(minFill))) {
      return Verdict.TOO_FAST;
    }
    if (now.isAfter(shown.plus(maxAge))) {
      return Verdict.EXPIRED;
    }
    synchronized (spent) {
      return spent.containsKey(parts[1]) ? Verdict.SPENT : Verdict.FINE;
    }
  }

  /** The token made a request: it cannot make another. */
  void spend(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length == 3) {
      synchronized (spent) {
        spent.put(parts[1], clock.instant());
      }
    }
  }
}
