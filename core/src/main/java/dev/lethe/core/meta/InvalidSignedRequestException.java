package dev.lethe.core.meta;

import dev.lethe.core.LetheException;
import java.util.Objects;

/**
 * A {@code signed_request} Lethe refuses. The message is fixed per reason: it never repeats the
 * request, its payload or the user id in it.
 */
public class InvalidSignedRequestException extends LetheException {

  /** Why a signed request was refused, for callers that map it to a status or a metric. */
  public enum Reason {
    MISSING("no signed_request was given"),
    TOO_LARGE("signed_request is longer than a Meta callback can be"),
    MALFORMED("signed_request is not two non-empty parts joined by one '.'"),
    BAD_ENCODING("signed_request is not base64url"),
    BAD_SIGNATURE("signed_request is not signed by any configured Meta app secret"),
    UNSUPPORTED_ALGORITHM("signed_request does not name the HMAC-SHA256 algorithm"),
    BAD_PAYLOAD("signed_request payload is not the JSON object Meta sends"),
    STALE("signed_request was issued too long ago"),
    FROM_THE_FUTURE("signed_request is issued too far in the future"),
    EXPIRED("signed_request has expired");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;

  public InvalidSignedRequestException(Reason reason) {
    super(Objects.requireNonNull(reason, "reason").description());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
