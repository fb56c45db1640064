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

  /** These options with no batch of more than {@code most} keys. */
  public ExecutionOptions atMost(int most) {
    if (most < 1) {
      throw new IllegalArgumentException("a batch takes at least one key, not " + most);
    }
    return new ExecutionOptions(
        Math.min(initialBatch, most), Math.min(maxBatch, most), targetMillis, fileAttempts);
  }

  public static ExecutionOptions defaults() {
    return new ExecutionOptions(64, 5_000, 100, 4);
  }
}
