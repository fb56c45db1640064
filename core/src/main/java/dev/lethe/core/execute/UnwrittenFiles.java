package dev.lethe.core.execute;

import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.FileQueue;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a run a {@link FileSweeper} deleted from the store and has not written deleted yet,
 * in the order they were deleted. A page's transaction writes them ({@link #toWrite}, then {@link
 * #written} once it commits), or the sweeper in transactions of their own ({@link
 * FileSweeper#mark}, then {@link #clear}).
 */
final class UnwrittenFiles {

  private final List<DeletedFiles.File> files = new ArrayList<>();

  /** Keeps {@code file}, just deleted from the store. */
  void add(FileQueue.PendingFile file) {
    files.add(new DeletedFiles.File(file.id(), file.entity()));
  }

  int size() {
    return files.size();
  }

  boolean isEmpty() {
    return files.isEmpty();
  }

  /** All of them, in order. */
  DeletedFiles all() {
    return new DeletedFiles(files);
  }

  /**
   * All of them, for a page's transaction to write; none when they are more than one transaction of
   * {@link FileQueue#filesDeleted} writes.
   */
  DeletedFiles toWrite() {
    return files.size() > FileQueue.MARKS_PER_TRANSACTION ? DeletedFiles.NONE : all();
  }

  /**
   * The files {@code deleted}, from {@link #toWrite}, were written deleted by a transaction that
   * committed: forgotten.
   *
   * @throws IllegalStateException if files were added since {@link #toWrite}
   */
  void written(DeletedFiles deleted) {
    if (deleted.isEmpty()) {
      return;
    }
    if (deleted.count() != files.size()) {
      throw new IllegalStateException(
          deleted.count() + " files written deleted of " + files.size() + " kept");
    }
    files.clear();
  }

  /** Keeps only {@code still}, those of them not written deleted elsewhere. */
  void keepOnly(DeletedFiles still) {
    files.clear();
    files.addAll(still.files());
  }

  /** Forgets them all: they have been written or forgotten. */
  void clear() {
    files.clear();
  }
}
