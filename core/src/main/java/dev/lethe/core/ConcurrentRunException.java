package dev.lethe.core;

/** Another process claimed the run between reading and starting it. */
public class ConcurrentRunException extends LetheException {
  public ConcurrentRunException(String runId) {
    super("run " + runId + " was claimed by another process");
  }
}
