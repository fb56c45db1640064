package dev.lethe.core.sql;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Keys for the rows Lethe inserts into its own tables under load (requests, runs): version 7 UUIDs
 * (RFC 9562), the time in milliseconds first, then 74 random bits. Inserted in the order they are
 * made, they land at the end of the primary key's index, not on a random page of it: on MariaDB,
 * whose table is its primary key's index, random keys had every new request read and later write
 * back a page of a table larger than the buffer pool (Debian's default pool is 128 MB; the
 * benchmark's notes). They show when they were made; their 74 random bits (against a random UUID's
 * 122), drawn from {@link SecureRandom}, keep them from being guessed.
 */
public final class TimeOrderedIds {

  private static final TimeBasedEpochRandomGenerator GENERATOR =
      Generators.timeBasedEpochRandomGenerator(new SecureRandom());

  private TimeOrderedIds() {}

  /** A new key, later in order than those made in earlier milliseconds. */
  public static UUID next() {
    return GENERATOR.generate();
  }
}
