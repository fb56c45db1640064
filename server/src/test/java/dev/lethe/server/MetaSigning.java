package dev.lethe.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs payloads as Meta does: HMAC-SHA256 over the base64url-encoded payload text. */
final class MetaSigning {

  private MetaSigning() {}

  static String signedRequest(String secret, String userId, long issuedAt) {
    String json =
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
            + issuedAt
            + ",\"user_id\":\""
            + userId
            + "\"}";
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    String payload = base64url.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    return base64url.encodeToString(hmac(secret, payload)) + "." + payload;
  }

  private static byte[] hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
