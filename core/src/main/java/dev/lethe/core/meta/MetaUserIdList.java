package dev.lethe.core.meta;

import java.util.List;
import java.util.Objects;

/**
 * The app-scoped user ids of a deletion list Meta e-mails, read for a bulk import: the ids in file
 * order without repeats, and the lines that could not be read, by line number (never by content).
 *
 * <p>Accepted: plain text with one id per line, or CSV/TSV with a comma, semicolon or tab; an
 * optional header line ({@code user_id}, {@code App-Scoped User ID}, {@code id}…) picks the id
 * column among several, otherwise the first column is read; quotes, blank lines, a byte-order mark
 * and any line ending are fine.
 */
public record MetaUserIdList(
    List<String> ids, List<Problem> problems, int duplicates, int problemsLeftOut) {

  /** Larger texts are refused outright: weekly lists are far smaller. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;

  public static final int MAX_IDS = 100_000;

  /** Problems past this many are counted in {@link #problemsLeftOut()} only. */
  public static final int MAX_PROBLEMS = 1_000;

  /** A line that held no usable id; {@code line} counts from 1. */
  public record Problem(int line, String reason) {
    public Problem {
      Objects.requireNonNull(reason, "reason");
      if (line < 1) {
        throw new IllegalArgumentException("line numbers start at 1");
      }
    }
  }

  public MetaUserIdList {
    ids = List.copyOf(ids);
    problems = List.copyOf(problems);
    if (duplicates < 0 || problemsLeftOut < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
  }

  /**
   * @throws UserIdListTooLargeException past {@link #MAX_CHARS} characters or {@link #MAX_IDS} ids
   */
  public static MetaUserIdList parse(String text) {
    return new UserIdListParser().parse(Objects.requireNonNull(text, "text"));
  }

  public boolean isClean() {
    return problems.isEmpty() && problemsLeftOut == 0;
  }
}
