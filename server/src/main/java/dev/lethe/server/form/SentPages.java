package dev.lethe.server.form;

import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.server.requests.RequestProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The address of the page a sent form leads to: the request's id, whether staff verify it, and
 * until when the page works, signed with the installation secret. It does not show the confirmation
 * code: a form typed with someone else's address may join their open request, and the code is for
 * the one who reads the mail. Typing the mailed six-digit code there confirms.
 */
@Component
final class SentPages {

  private static final String PURPOSE = "request-form-sent";

  /** What a valid reference names. */
  record Pending(UUID requestId, boolean forStaff) {}

  private final KeyedHasher hasher;
  private final Clock clock;
  private final Duration validity;

  SentPages(KeyedHasher hasher, Clock clock, RequestProperties requests) {
    this.hasher = hasher;
    this.clock = clock;
    this.validity = requests.verificationValidity();
  }

  Duration validity() {
    return validity;
  }

  String reference(UUID requestId, boolean forStaff) {
    long until = clock.instant().plus(validity).getEpochSecond();
    String body = requestId + "." + until + "." + (forStaff ? "s" : "m");
    return body + "." + hasher.hex(body, PURPOSE).substring(0, 32);
  }

  Optional<Pending> read(String reference) {
    String[] parts = reference == null ? new String[0] : reference.split("\\.", -1);
    if (parts.length != 4 || !parts[1].matches("\\d{1,12}") || !parts[2].matches("[sm]")) {
      return Optional.empty();
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    byte[] expected =
        hasher.hex(body, PURPOSE).substring(0, 32).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))
        || clock.instant().getEpochSecond() > Long.parseLong(parts[1])) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Pending(UUID.fromString(parts[0]), parts[2].equals("s")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
