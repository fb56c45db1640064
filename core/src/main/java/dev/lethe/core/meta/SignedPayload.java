package dev.lethe.core.meta;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified {@code signed_request} says: which app sent it (and with which of its secrets),
 * whose data to delete, and when it was issued.
 *
 * <p>A person's removal carries their app-scoped {@code userId}; a Page's removal carries {@code
 * user_id} "0" and the Page id, reported here as {@link Kind#PAGE} with {@link #pageId()}.
 *
 * <p>{@link #fingerprint()} is the idempotency key: the same signed request always has the same
 * fingerprint, so answering it twice can return the same confirmation code. {@link #toString()}
 * leaves the ids out.
 */
public record SignedPayload(
    String app,
    SecretSlot secret,
    Kind kind,
    Optional<String> userId,
    Optional<String> pageId,
    Instant issuedAt,
    Optional<Instant> expires,
    String fingerprint) {

  /** Who removed the app. */
  public enum Kind {
    USER,
    PAGE
  }

  public SignedPayload {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(pageId, "pageId");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(fingerprint, "fingerprint");
    boolean consistent =
        switch (kind) {
          case USER -> userId.isPresent() && pageId.isEmpty();
          case PAGE -> userId.isEmpty() && pageId.isPresent();
        };
    if (!consistent) {
      throw new IllegalArgumentException(
          "a user removal carries a user id only, a Page removal a Page id only");
    }
    if (!fingerprint.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("fingerprint must be a SHA-256 in lower-case hex");
    }
  }

  public boolean isPageRemoval() {
    return kind == Kind.PAGE;
  }

  @Override
  public String toString() {
    return "SignedPayload[app="
        + app
        + ", secret="
        + secret
        + ", kind="
        + kind
        + ", issuedAt="
        + issuedAt
        + ", fingerprint="
        + fingerprint
        + "]";
  }
}
