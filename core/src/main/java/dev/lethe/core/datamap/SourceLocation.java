package dev.lethe.core.datamap;

/** Where in a data map file an element was declared, for error messages. */
public record SourceLocation(String file, int line) {
  public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
