package dev.lethe.core.datamap;

import java.util.Objects;

/** One thing wrong with a data map, and where in the file it is. */
public record Problem(SourceLocation location, String message) {
  public Problem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line: message}, the form editors and terminals link to. */
  @Override
  public String toString() {
    return location + ": " + message;
  }
}
