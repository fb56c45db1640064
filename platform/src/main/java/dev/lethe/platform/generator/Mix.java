package dev.lethe.platform.generator;

/**
 * Deterministic pseudo-random values as pure functions of (seed, stream, id, field), so any row can
 * be regenerated from its id alone and nothing needs to be remembered between tables.
 */
record Mix(long seed) {

  /** A well-mixed 64-bit value (SplitMix64 finalizer over the combined inputs). */
  long bits(long stream, long id, int field) {
    long z =
        seed
            + stream * 0x9E3779B97F4A7C15L
            + id * 0xBF58476D1CE4E5B9L
            + field * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value in {@code [0, bound)}. */
  long below(long stream, long id, int field, long bound) {
    return Math.floorMod(bits(stream, id, field), bound);
  }

  int below(long stream, long id, int field, int bound) {
    return (int) Math.floorMod(bits(stream, id, field), (long) bound);
  }

  /** True with the given probability in percent. */
  boolean percent(long stream, long id, int field, int percent) {
    return below(stream, id, field, 100) < percent;
  }

  <T> T pick(long stream, long id, int field, T[] choices) {
    return choices[below(stream, id, field, choices.length)];
  }

  /** A string of {@code length} decimal digits, the first one not zero. */
  String digits(long stream, long id, int field, int length) {
    StringBuilder out = new StringBuilder(length);
    long bits = bits(stream, id, field);
    for (int i = 0; i < length; i++) {
      if (i % 16 == 15) {
        bits = bits(stream, id, field + 1000 + i);
      }
      int digit = (int) Math.floorMod(bits, 10L);
      bits /= 10;
      out.append(i == 0 && digit == 0 ? '1' : (char) ('0' + digit));
    }
    return out.toString();
  }

  /** A string of {@code length} lower-case hex digits. */
  String hex(long stream, long id, int field, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i += 16) {
      String chunk = String.format("%016x", bits(stream, id, field + 2000 + i));
      out.append(chunk, 0, Math.min(16, length - i));
    }
    return out.toString();
  }
}
