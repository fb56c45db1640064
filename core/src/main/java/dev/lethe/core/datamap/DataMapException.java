package dev.lethe.core.datamap;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A data map that cannot be used: it does not parse, does not follow the format, or does not fit
 * the live schema. Carries every problem found, not only the first.
 */
public final class DataMapException extends RuntimeException {

  private final List<Problem> problems;

  public DataMapException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a data map exception needs at least one problem");
    }
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
