package dev.lethe.core.deadline;

import java.util.Objects;

/**
 * How far a law lets the completion period be extended, counted from the end of the original legal
 * period. The notice to the person must go out before that original period ends.
 */
public record LegalExtension(Span maximum, String citation) {
  public LegalExtension {
    Objects.requireNonNull(maximum, "maximum");
    if (citation == null || citation.isBlank()) {
      throw new IllegalArgumentException("a legal extension needs its citation");
    }
  }
}
