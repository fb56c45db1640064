package dev.lethe.core.meta;

import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_ENCODING;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_SIGNATURE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.EXPIRED;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.FROM_THE_FUTURE;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.STALE;

import dev.lethe.core.identity.ThreadCrypto;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies the {@code signed_request} of Meta's Data Deletion and Deauthorize callbacks.
 *
 * <p>In order: size, shape (exactly two non-empty parts), base64url encoding, the HMAC-SHA256 of
 * the encoded payload against every configured secret (constant-time), and only then the JSON:
 * algorithm, ids, {@code issued_at} within the freshness window, {@code expires}. Thread-safe.
 */
public final class SignedRequestVerifier {

  private final SignatureMatcher signatures;
  private final FreshnessWindow window;

  public SignedRequestVerifier(MetaApps apps) {
    this(apps, FreshnessWindow.DEFAULT);
  }

  public SignedRequestVerifier(MetaApps apps, FreshnessWindow window) {
    this.signatures = new SignatureMatcher(Objects.requireNonNull(apps, "apps"));
    this.window = Objects.requireNonNull(window, "window");
  }

  /**
   * @throws InvalidSignedRequestException with the reason the request is refused
   */
  public SignedPayload verify(String signedRequest, Instant now) {
    Objects.requireNonNull(now, "now");
    SignedRequestParts parts = SignedRequestParts.split(signedRequest);
    SignatureMatcher.Match match =
        signatures
            .match(parts.signature(), parts.encodedPayload())
            .orElseThrow(() -> new InvalidSignedRequestException(BAD_SIGNATURE));
    byte[] json =
        Base64Url.decode(parts.encodedPayload())
            .orElseThrow(() -> new InvalidSignedRequestException(BAD_ENCODING));
    PayloadReader.Fields fields = PayloadReader.read(json);
    requireFresh(fields, now);
    return new SignedPayload(
        match.app().name(),
        match.slot(),
        fields.pageId().isPresent() ? SignedPayload.Kind.PAGE : SignedPayload.Kind.USER,
        fields.userId(),
        fields.pageId(),
        fields.issuedAt(),
        fields.expires(),
        fingerprint(parts));
  }

  private void requireFresh(PayloadReader.Fields fields, Instant now) {
    if (fields.issuedAt().isBefore(now.minus(window.maxAge()))) {
      throw new InvalidSignedRequestException(STALE);
    }
    if (fields.issuedAt().isAfter(now.plus(window.maxClockSkew()))) {
      throw new InvalidSignedRequestException(FROM_THE_FUTURE);
    }
    if (fields.expires().filter(expires -> !now.isBefore(expires)).isPresent()) {
      throw new InvalidSignedRequestException(EXPIRED);
    }
  }

  /**
   * SHA-256 of the request with its signature re-encoded canonically (unpadded base64url) and the
   * payload as received: spellings of one signature that decode to the same bytes (with or without
   * '=' padding) share one fingerprint, so they get one confirmation code.
   */
  private static String fingerprint(SignedRequestParts parts) {
    String canonical = Base64Url.encodeUnpadded(parts.signature()) + "." + parts.encodedPayload();
    // base64url and the payload as sent are ASCII: their UTF-8 bytes are their ASCII bytes
    return ThreadCrypto.sha256Hex(canonical);
  }
}
