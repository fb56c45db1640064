package dev.lethe.core.meta;

import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.BAD_ENCODING;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.MALFORMED;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.MISSING;
import static dev.lethe.core.meta.InvalidSignedRequestException.Reason.TOO_LARGE;

/**
 * A signed request cut into its signature (decoded) and its payload, kept exactly as received,
 * because the signature is computed over the encoded payload text, not over the JSON it decodes to.
 */
record SignedRequestParts(byte[] signature, String encodedPayload) {

  /** Far above any real callback (a few hundred characters), far below anything costly. */
  static final int MAX_LENGTH = 8 * 1024;

  static SignedRequestParts split(String signedRequest) {
    if (signedRequest == null || signedRequest.isEmpty()) {
      throw new InvalidSignedRequestException(MISSING);
    }
    if (signedRequest.length() > MAX_LENGTH) {
      throw new InvalidSignedRequestException(TOO_LARGE);
    }
    int dot = signedRequest.indexOf('.');
    if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
      throw new InvalidSignedRequestException(MALFORMED);
    }
    String encodedSignature = signedRequest.substring(0, dot);
    String encodedPayload = signedRequest.substring(dot + 1);
    if (!Base64Url.isWellFormed(encodedPayload)) {
      throw new InvalidSignedRequestException(BAD_ENCODING);
    }
    byte[] signature =
        Base64Url.decode(encodedSignature)
            .orElseThrow(() -> new InvalidSignedRequestException(BAD_ENCODING));
    return new SignedRequestParts(signature, encodedPayload);
  }
}
