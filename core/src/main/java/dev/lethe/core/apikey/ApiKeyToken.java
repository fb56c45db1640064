package dev.lethe.core.apikey;

import dev.lethe.core.request.ConfirmationCodes;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A token as the host product presents it: {@code lethe_<id>_<secret>}, the id 16 and the secret 32
 * characters of Crockford's base32 (80 and 160 random bits). The id is public and names the key;
 * the secret is what proves it.
 */
record ApiKeyToken(String id, String secret) {

  static final String PREFIX = "lethe_";
  static final int ID_LENGTH = 16;
  static final int SECRET_LENGTH = 32;
  static final int LENGTH = PREFIX.length() + ID_LENGTH + 1 + SECRET_LENGTH;
  static final String FORMAT =
      "an API key token is 'lethe_', 16 characters, '_' and 32 characters, the characters being"
          + " digits and upper-case letters other than I, L, O and U";

  ApiKeyToken {
    if (!isBase32(id, ID_LENGTH) || !isBase32(secret, SECRET_LENGTH)) {
      throw new InvalidApiKeyException(FORMAT);
    }
  }

  static ApiKeyToken generate(RandomGenerator random) {
    return new ApiKeyToken(draw(random, ID_LENGTH), draw(random, SECRET_LENGTH));
  }

  private static String draw(RandomGenerator random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = ConfirmationCodes.ALPHABET.charAt(random.nextInt(32));
    }
    return new String(chars);
  }

  /** The token in its parts, or empty when it is not exactly in the format. */
  static Optional<ApiKeyToken> parse(String text) {
    if (text == null
        || text.length() != LENGTH
        || !text.startsWith(PREFIX)
        || text.charAt(PREFIX.length() + ID_LENGTH) != '_') {
      return Optional.empty();
    }
    String id = text.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
    String secret = text.substring(PREFIX.length() + ID_LENGTH + 1);
    if (!isBase32(id, ID_LENGTH) || !isBase32(secret, SECRET_LENGTH)) {
      return Optional.empty();
    }
    return Optional.of(new ApiKeyToken(id, secret));
  }

  static boolean isId(String text) {
    return isBase32(text, ID_LENGTH);
  }

  private static boolean isBase32(String text, int length) {
    if (text == null || text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (ConfirmationCodes.ALPHABET.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  String text() {
    return PREFIX + id + "_" + secret;
  }

  @Override
  public String toString() {
    return PREFIX + id + "_<redacted>";
  }
}
