package dev.lethe.core;

/**
 * Rows are gone but some of their files could not be deleted yet; their keys stay recorded and
 * running the run again retries them.
 */
public class FilesPendingException extends LetheException {
  public FilesPendingException(String runId, int pending) {
    super(
        pending + " file(s) of run " + runId + " could not be deleted yet; run it again to retry");
  }
}
