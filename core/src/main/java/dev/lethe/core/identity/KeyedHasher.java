package dev.lethe.core.identity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of identities under the installation's secret: what Lethe keeps of a person once a
 * request no longer needs the identity itself. Without the secret the hash cannot be reversed or
 * matched.
 */
public final class KeyedHasher {

  private final SecretKeySpec key;

  public KeyedHasher(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the secret must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** {@code kind:hex(hmac(kind:value))}. */
  public String hash(Identity identity) {
    return identity.kind().code()
        + ":"
        + hex(identity.kind().code() + ":" + identity.value(), "identity");
  }

  /** Hex HMAC of a value under a purpose label, so hashes for different purposes never match. */
  public String hex(String value, String purpose) {
    Mac mac = ThreadCrypto.hmacSha256(key);
    mac.update(purpose.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }
}
