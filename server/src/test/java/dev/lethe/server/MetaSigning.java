package dev.lethe.server;

import dev.lethe.server.demo.MetaSigner;

/** Builds signed requests as Meta sends them, for one user at a given time. */
final class MetaSigning {

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
}
