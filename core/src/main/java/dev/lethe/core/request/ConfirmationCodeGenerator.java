package dev.lethe.core.request;

import java.security.SecureRandom;

/**
 * Unguessable confirmation codes: 20 characters from 32 letters and digits without the ambiguous
 * {@code 0 O 1 I}, so 100 bits of randomness that read well over the phone.
 */
final class ConfirmationCodeGenerator {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 20;

  private final SecureRandom random;

  ConfirmationCodeGenerator(SecureRandom random) {
    this.random = random;
  }

  String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }
}
