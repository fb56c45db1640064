package dev.lethe.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * What the service answered to an import of Meta's user id list: counts, and the lines it could not
 * read. Like the answer itself, it holds no id.
 */
record ImportSummary(
    int ids,
    int created,
    int alreadyKnown,
    int duplicatesInList,
    List<Problem> problems,
    int problemsLeftOut) {

  /** A line of the list without a usable id, counted from 1, and why. */
  record Problem(int line, String reason) {}

  ImportSummary {
    problems = List.copyOf(problems);
  }

  void print(PrintWriter out) {
    out.printf("ids in the list:     %d%n", ids);
    out.printf("created:             %d deletion requests, erased in the background%n", created);
    out.printf("already known:       %d (imported before, not added again)%n", alreadyKnown);
    out.printf("duplicates in list:  %d (counted once)%n", duplicatesInList);
    out.printf("problems:            %d%n", problems.size() + problemsLeftOut);
    for (Problem problem : problems) {
      out.printf("  line %d: %s%n", problem.line(), problem.reason());
    }
    if (problemsLeftOut > 0) {
      out.printf("  … and %d more%n", problemsLeftOut);
    }
  }
}
