package dev.lethe.core.meta;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds signed requests the way Meta does: base64url(HMAC-SHA256(encoded payload)) "." payload.
 */
final class MetaSigner {

  private final String secret;

  MetaSigner(String secret) {
    this.secret = secret;
  }

  /** Meta's usual shape: unpadded base64url, user_id as a string. */
  String userRemoval(String userId, Instant issuedAt) {
    return sign(
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
            + issuedAt.getEpochSecond()
            + ",\"user_id\":\""
            + userId
            + "\"}");
  }

  String pageRemoval(String pageId, Instant issuedAt) {
    return sign(
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
            + issuedAt.getEpochSecond()
            + ",\"user_id\":\"0\",\"profile_id\":\""
            + pageId
            + "\"}");
  }

  String sign(String json) {
    return signEncoded(urlUnpadded(json.getBytes(UTF_8)));
  }

  String signPadded(String json) {
    String payload = Base64.getUrlEncoder().encodeToString(json.getBytes(UTF_8));
    return Base64.getUrlEncoder().encodeToString(hmac(payload)) + "." + payload;
  }

  /** Signs the payload text exactly as given, whatever it is. */
  String signEncoded(String encodedPayload) {
    return urlUnpadded(hmac(encodedPayload)) + "." + encodedPayload;
  }

  byte[] hmac(String encodedPayload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return mac.doFinal(encodedPayload.getBytes(UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String urlUnpadded(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
