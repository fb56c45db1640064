package dev.lethe.core.execute;

import dev.lethe.core.files.FileStore;
import dev.lethe.core.state.FileQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The file store's side of a sweep: deletes files and says what came of each, on the caller's
 * thread or on one of its own ({@link #behind}). Writes nothing to the database: what the store
 * said is taken in by the {@link FileSweeper}, on the caller's thread.
 */
final class StoreDeletions {

  /** Where files are deleted behind the caller. */
  private static final Executor DELETER = Background.pool("lethe-files-");

  /**
   * Files handed over to be deleted behind the caller, the tally to count them in, and what the
   * store said of each, in order: null when deleted, the name of what it threw otherwise; fewer
   * than the files when too many failed.
   */
  record Behind(
      List<FileQueue.PendingFile> files, CallTally tally, CompletableFuture<List<String>> said) {

    /** Waits for the store: what it said of each file tried. */
    List<String> joined() {
      // attempt catches what a store throws: only an Error is thrown here
      return Background.joined(said);
    }
  }

  private final FileStore files;

  StoreDeletions(FileStore files) {
    this.files = files;
  }

  /** Starts deleting {@code handed} on a thread of its own, until {@code room} have failed. */
  Behind behind(List<FileQueue.PendingFile> handed, CallTally tally, int room) {
    return new Behind(
        handed, tally, CompletableFuture.supplyAsync(() -> attempt(handed, room), DELETER));
  }

  /** Deletes a file from the store: null, or the name of what the store threw. */
  String attempt(FileQueue.PendingFile file) {
    try {
      files.delete(file.key());
      return null;
    } catch (IOException | RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  /**
   * Deletes {@code handed} from the store in order, until {@code room} have failed: what the store
   * said of each file tried ({@link #attempt}).
   */
  private List<String> attempt(List<FileQueue.PendingFile> handed, int room) {
    List<String> said = new ArrayList<>(handed.size());
    int failures = 0;
    for (FileQueue.PendingFile file : handed) {
      if (failures >= room) {
        break;
      }
      String failure = attempt(file);
      said.add(failure);
      if (failure != null) {
        failures++;
      }
    }
    return said;
  }

  /**
   * Deletes {@code recorded} from the store, each counted in {@code tally}, without recording
   * anything: for files whose rows' transaction is still open. False at the first the store
   * refuses: the sweep after that transaction commits deletes them all again and records the
   * failure (a file already gone counts as deleted).
   */
  boolean deleteEach(List<FileQueue.PendingFile> recorded, CallTally tally) {
    for (FileQueue.PendingFile file : recorded) {
      if (attempt(file) != null) {
        return false;
      }
      tally.fileDeleted(file.entity());
    }
    return true;
  }
}
