package dev.lethe.core.execute;

import dev.lethe.core.files.FileStore;
import dev.lethe.core.state.FileQueue;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Deletes from the file store the files whose rows a run has deleted, as recorded. */
final class FileSweeper {

  private static final int PAGE = 200;

  private final FileQueue runs;
  private final FileStore files;
  private final Clock clock;

  /** The run whose pending files were all deleted by the last sweep, if it left none. */
  private String sweptClean;

  FileSweeper(FileQueue runs, FileStore files, Clock clock) {
    this.runs = runs;
    this.files = files;
    this.clock = clock;
  }

  /** One pass over the pending files; returns how many are still pending. */
  int sweep(String runId) {
    sweptClean = null;
    int left = pass(runId);
    sweptClean = left == 0 ? runId : null;
    return left;
  }

  private int pass(String runId) {
    int failed = 0;
    while (true) {
      List<FileQueue.PendingFile> pending = runs.pendingFiles(runId, PAGE);
      List<FileQueue.PendingFile> fresh =
          pending.subList(Math.min(failed, pending.size()), pending.size());
      if (fresh.isEmpty()) {
        return failed;
      }
      // marked deleted together after the page: a crash in between only deletes some files twice
      List<Long> deleted = new ArrayList<>();
      for (FileQueue.PendingFile file : fresh) {
        try {
          files.delete(file.key());
          deleted.add(file.id());
        } catch (IOException | RuntimeException e) {
          runs.fileFailed(file.id(), e.getClass().getSimpleName());
          failed++;
        }
      }
      runs.filesDeleted(deleted, clock.instant());
      if (pending.size() < PAGE) {
        // every pending file was tried: reading again would only find the ones that failed
        return failed;
      }
    }
  }

  /** Sweeps until nothing is pending or {@code attempts} passes failed; returns what is left. */
  int drain(String runId, int attempts) {
    // the executor sweeps after every batch that records files: if the last sweep left nothing,
    // nothing is pending
    if (runId.equals(sweptClean)) {
      return 0;
    }
    int left = sweep(runId);
    for (int i = 1; i < attempts && left > 0; i++) {
      try {
        Thread.sleep(100L << i);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
      left = sweep(runId);
    }
    return left;
  }
}
