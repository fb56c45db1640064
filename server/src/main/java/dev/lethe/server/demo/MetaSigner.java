package dev.lethe.server.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a payload as Meta does (HMAC-SHA256 over the base64url-encoded payload text), for the
 * demo's sample callback and for tests.
 */
public final class MetaSigner {

  private MetaSigner() {}

  public static String sign(String payloadJson, String appSecret) {
    Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
    String payload = base64url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
      return base64url.encodeToString(signature) + "." + payload;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
