package dev.lethe.core.meta;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.lethe.core.identity.ThreadCrypto;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds the configured secret whose HMAC-SHA256 over the encoded payload equals the signature.
 * Every secret of every app is tried; each comparison is constant-time.
 */
final class SignatureMatcher {

  private static final String HMAC_SHA256 = "HmacSHA256";

  record Match(MetaApp app, SecretSlot slot) {}

  private record Key(MetaApp app, SecretSlot slot, SecretKeySpec spec) {}

  private final List<Key> keys;

  SignatureMatcher(MetaApps apps) {
    List<Key> all = new ArrayList<>();
    for (MetaApp app : apps.all()) {
      all.add(new Key(app, SecretSlot.CURRENT, keyOf(app.currentSecret())));
      app.previousSecret()
          .ifPresent(previous -> all.add(new Key(app, SecretSlot.PREVIOUS, keyOf(previous))));
    }
    this.keys = List.copyOf(all);
  }

  Optional<Match> match(byte[] signature, String encodedPayload) {
    // The raw payload text as received: re-encoding the decoded JSON would sign different bytes.
    byte[] signed = encodedPayload.getBytes(US_ASCII);
    for (Key key : keys) {
      if (MessageDigest.isEqual(hmac(key.spec(), signed), signature)) {
        return Optional.of(new Match(key.app(), key.slot()));
      }
    }
    return Optional.empty();
  }

  private static SecretKeySpec keyOf(String secret) {
    return new SecretKeySpec(secret.getBytes(UTF_8), HMAC_SHA256);
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    return ThreadCrypto.hmacSha256(key).doFinal(data);
  }
}
