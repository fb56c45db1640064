package dev.lethe.core.receipt;

import java.time.Instant;
import java.util.List;

/**
 * The result of searching for the subject after execution. Problems name entities, columns and
 * counts, never values.
 */
public record Verification(boolean passed, List<String> problems, Instant at) {
  public Verification {
    problems = List.copyOf(problems);
  }
}
