package dev.lethe.core.deadline;

import java.util.Objects;

/** A period a law sets, counted from receipt of the request, and the text that cites it. */
public record LegalLimit(Span span, String citation) {
  public LegalLimit {
    Objects.requireNonNull(span, "span");
    if (citation == null || citation.isBlank()) {
      throw new IllegalArgumentException("a legal limit needs its citation");
    }
  }
}
