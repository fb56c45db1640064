package dev.lethe.core.execute;

/**
 * How the executor sizes its batches.
 *
 * @param initialBatch parent keys in the first batch of each node
 * @param maxBatch the most parent keys one batch may take
 * @param targetMillis the transaction length batches adapt towards
 * @param fileAttempts passes over undeletable files before the run reports them pending
 */
public record ExecutionOptions(
    int initialBatch, int maxBatch, long targetMillis, int fileAttempts) {
  public ExecutionOptions {
    if (initialBatch < 1 || maxBatch < initialBatch || targetMillis < 1 || fileAttempts < 1) {
      throw new IllegalArgumentException("batch sizes and attempts must be positive");
    }
  }

  public static ExecutionOptions defaults() {
    return new ExecutionOptions(64, 5_000, 100, 4);
  }
}
