package dev.lethe.core.meta;

import java.util.Base64;
import java.util.Optional;

/**
 * Strict base64url: the URL-safe alphabet only ({@code -} and {@code _}, never the standard {@code
 * +} and {@code /}), with the trailing {@code =} padding optional, as Meta may send it either way.
 */
final class Base64Url {

  private Base64Url() {}

  /** Whether the text uses only the base64url alphabet, followed by at most two '=' signs. */
  static boolean isWellFormed(String text) {
    int end = text.length();
    int padding = 0;
    while (end > 0 && text.charAt(end - 1) == '=' && padding < 2) {
      end--;
      padding++;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      if (!isAlphabet(text.charAt(i))) {
        return false;
      }
    }
    // Base64 never leaves a single character in its last group; padding must complete the group.
    return end % 4 != 1 && (padding == 0 || (end + padding) % 4 == 0);
  }

  static Optional<byte[]> decode(String text) {
    if (!isWellFormed(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getUrlDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String encodeUnpadded(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static boolean isAlphabet(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
