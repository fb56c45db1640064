package dev.lethe.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JCA engines Lethe uses on every request, one of each per thread. Finding an engine among the
 * installed providers ({@code getInstance}) cost more than the hashing or sealing itself: half of a
 * seal's time on a callback. An engine is not thread-safe, and every use here starts it afresh
 * ({@code init} or {@code reset}), so nothing of one use reaches the next.
 */
public final class ThreadCrypto {

  private static final ThreadLocal<Mac> HMAC_SHA256 =
      ThreadLocal.withInitial(() -> engine(() -> Mac.getInstance("HmacSHA256")));
  private static final ThreadLocal<Cipher> AES_GCM =
      ThreadLocal.withInitial(() -> engine(() -> Cipher.getInstance("AES/GCM/NoPadding")));
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(() -> engine(() -> MessageDigest.getInstance("SHA-256")));

  private ThreadCrypto() {}

  /** This thread's HMAC-SHA256, initialized with {@code key}. */
  public static Mac hmacSha256(SecretKeySpec key) {
    Mac mac = HMAC_SHA256.get();
    try {
      mac.init(key);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("not an HMAC-SHA256 key", e);
    }
    return mac;
  }

  /** This thread's AES/GCM/NoPadding cipher; the caller initializes it for each message. */
  public static Cipher aesGcm() {
    return AES_GCM.get();
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex. */
  public static String sha256Hex(String text) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private interface Lookup<T> {
    T get() throws GeneralSecurityException;
  }

  private static <T> T engine(Lookup<T> lookup) {
    try {
      return lookup.get();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a standard JCA algorithm is missing from this JVM", e);
    }
  }
}
