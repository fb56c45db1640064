package dev.lethe.bench.callbacks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data-deletion callback bodies as Meta sends them ({@code signed_request=…}, HMAC-SHA256 of the
 * base64url payload with the app secret), each for a different user so that every one is a new
 * request. Made before the load starts, so signing costs the load generator nothing while it runs.
 */
final class SignedRequests {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private SignedRequests() {}

  /**
   * {@code count} form bodies for users {@code firstUser}, {@code firstUser + 1}, …, issued now.
   */
  static List<String> bodies(String secret, long firstUser, int count, long issuedAt) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      List<String> bodies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String json =
            "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
                + issuedAt
                + ",\"user_id\":\""
                + (firstUser + i)
                + "\"}";
        String payload = B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String signature =
            B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        bodies.add(
            "signed_request="
                + URLEncoder.encode(signature + "." + payload, StandardCharsets.US_ASCII));
      }
      return bodies;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
