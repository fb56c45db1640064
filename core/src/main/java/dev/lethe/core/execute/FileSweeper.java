package dev.lethe.core.execute;

import dev.lethe.core.files.FileStore;
import dev.lethe.core.state.FileQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes from the file store the files whose rows a run has deleted, as recorded, and marks them
 * deleted. The marks wait in memory (up to a page of them) for the run's completion, which writes
 * them in its own batch: a crash before then only deletes some files twice.
 */
final class FileSweeper {

  private static final int PAGE = 200;

  private final FileQueue runs;
  private final FileStore files;
  private final Clock clock;

  /** The run whose pending files were all deleted by the last sweep, if it left none. */
  private String sweptClean;

  /** Files deleted from the store and not marked yet, with the run they belong to. */
  private String unmarkedRun;

  private final Map<Long, String> unmarked = new LinkedHashMap<>();

  FileSweeper(FileQueue runs, FileStore files, Clock clock) {
    this.runs = runs;
    this.files = files;
    this.clock = clock;
  }

  /**
   * One pass over the pending files, each file deleted counted in {@code tally}; returns how many
   * are still pending.
   */
  int sweep(String runId, CallTally tally) {
    sweptClean = null;
    if (!runId.equals(unmarkedRun)) {
      mark();
      unmarkedRun = runId;
    }
    int left = pass(runId, tally);
    sweptClean = left == 0 ? runId : null;
    return left;
  }

  private int pass(String runId, CallTally tally) {
    int failed = 0;
    while (true) {
      List<FileQueue.PendingFile> pending = runs.pendingFiles(runId, unmarked.keySet(), PAGE);
      List<FileQueue.PendingFile> fresh =
          pending.subList(Math.min(failed, pending.size()), pending.size());
      if (fresh.isEmpty()) {
        return failed;
      }
      for (FileQueue.PendingFile file : fresh) {
        try {
          files.delete(file.key());
          unmarked.put(file.id(), file.entity());
          tally.fileDeleted(file.entity());
        } catch (IOException | RuntimeException e) {
          runs.fileFailed(file.id(), e.getClass().getSimpleName());
          failed++;
        }
      }
      if (unmarked.size() >= PAGE) {
        mark();
      }
      if (pending.size() < PAGE) {
        // every pending file was tried: reading again would only find the ones that failed
        return failed;
      }
    }
  }

  /** Writes the marks of the files deleted and not marked yet. */
  void mark() {
    runs.filesDeleted(List.copyOf(unmarked.keySet()), clock.instant());
    unmarked.clear();
  }

  /** The files of {@code runId} deleted and not marked yet, by id, with their entity. */
  Map<Long, String> unmarked(String runId) {
    return runId.equals(unmarkedRun) ? Map.copyOf(unmarked) : Map.of();
  }

  /** Forgets the files not marked yet: the caller has marked them. */
  void marked() {
    unmarked.clear();
  }

  /** Sweeps until nothing is pending or {@code attempts} passes failed; returns what is left. */
  int drain(String runId, int attempts, CallTally tally) {
    // the executor sweeps after every batch that records files: if the last sweep left nothing,
    // nothing is pending
    if (runId.equals(sweptClean)) {
      return 0;
    }
    int left = sweep(runId, tally);
    for (int i = 1; i < attempts && left > 0; i++) {
      try {
        Thread.sleep(100L << i);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
      left = sweep(runId, tally);
    }
    return left;
  }
}
