package dev.lethe.core;

import java.util.List;

/** After execution, something of the subject was still found. */
public class VerificationFailedException extends LetheException {
  private final List<String> problems;

  public VerificationFailedException(String runId, List<String> problems) {
    super("verification of run " + runId + " failed:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
