package dev.lethe.server;

import dev.lethe.server.demo.MetaSigner;
import java.time.Instant;

/** Builds signed requests as Meta sends them, for one user at a given time. */
final class MetaSigning {

  /** The secret of the Meta app {@code crm} every test server is configured with. */
  static final String APP_SECRET = "test-app-secret-0123";

  private MetaSigning() {}

  static String signedRequest(String secret, String userId, long issuedAt) {
    String json =
        "{\"algorithm\":\"HMAC-SHA256\",\"issued_at\":"
            + issuedAt
            + ",\"user_id\":\""
            + userId
            + "\"}";
    return MetaSigner.sign(json, secret);
  }

  /** Signed now with the test app's secret, as Meta would send it for {@code userId}. */
  static String signedNow(String userId) {
    return signedRequest(APP_SECRET, userId, Instant.now().getEpochSecond());
  }
}
