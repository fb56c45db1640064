package dev.lethe.core.request;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Confirmation codes for deletion callbacks: 24 characters of Crockford's base32 alphabet (digits
 * and upper-case letters without I, L, O and U), 5 bits each, 120 bits in all.
 *
 * <p>Why this alphabet: Meta requires an alphanumeric code; 120 random bits make a code a
 * capability nobody can guess or enumerate on the status page; one case and no look-alike letters
 * survive being read aloud, retyped or lower-cased by a mail client. When reading a code typed by a
 * person, lower case is accepted and O, I and L are read as 0, 1 and 1, as Crockford specifies.
 */
public final class ConfirmationCodes {

  public static final int LENGTH = 24;

  /** Crockford's base32: digits and upper-case letters without I, L, O and U. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** Anything longer is junk, refused before any work. */
  private static final int MAX_INPUT = 64;

  private final RandomGenerator random;

  /** Codes drawn from a {@link SecureRandom}. */
  public ConfirmationCodes() {
    this(new SecureRandom());
  }

  /** Codes drawn from the given generator; give a cryptographically strong one outside tests. */
  public ConfirmationCodes(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  public String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /** Whether the text is a code exactly as {@link #next()} writes it. */
  public static boolean isWellFormed(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      if (ALPHABET.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether every character of the text is of the alphabet codes are drawn from. */
  static boolean isOfAlphabet(String text) {
    return text.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /**
   * A code as a person typed it (surrounding blanks, lower case, O for 0, I or L for 1), in the
   * canonical form to look up; empty when it cannot be a code.
   */
  public static Optional<String> read(String typed) {
    if (typed == null || typed.length() > MAX_INPUT) {
      return Optional.empty();
    }
    String canonical =
        typed
            .strip()
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    return isWellFormed(canonical) ? Optional.of(canonical) : Optional.empty();
  }
}
