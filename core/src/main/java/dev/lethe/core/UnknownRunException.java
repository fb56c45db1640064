package dev.lethe.core;

/** No run has this id. */
public class UnknownRunException extends LetheException {
  public UnknownRunException(String runId) {
    super("no run with id " + runId);
  }
}
