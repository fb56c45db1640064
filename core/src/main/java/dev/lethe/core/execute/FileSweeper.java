package dev.lethe.core.execute;

import dev.lethe.core.files.FileStore;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.FileQueue;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Deletes from the file store the files whose rows a run has deleted, as recorded, and writes them
 * deleted: their keys deleted and their number added to the run's counts, together.
 *
 * <p>A run records its files in id order, page after page, and this sweeper goes through them in
 * the same order, behind a cursor: every file of the run at or below it has been tried. The files
 * deleted are not written one by one: they are kept ({@link DeletedFiles}) and written by the
 * transaction of the run's next page ({@link #toWrite}), or in transactions of their own once
 * {@value #MARK_EVERY} wait; those left at the run's end are not written but counted by the caller
 * and forgotten with the run's completion, which deletes the keys of every file of the run (written
 * when the run stops instead). A crash before they are written only deletes those files again,
 * which finds them gone and counts them deleted. What is kept in memory is the ids of the files
 * deleted and not written (fewer than {@value #MARK_EVERY} but for a page's) and of the files that
 * failed, at most {@value #MAX_FAILED}: past that the store is taken to be down and the sweep stops
 * for now.
 *
 * <p>A run's pages hand their files over {@linkplain #sweepBehind behind} them: the store deletes a
 * page's files on a thread of its own while the next page's statements run, and the sweeper takes
 * in what came of them at its next call. One page's files at most are out at a time.
 */
final class FileSweeper {

  private static final int PAGE = 200;

  /** How many files deleted and not written make the sweeper write them. */
  static final int MARK_EVERY = 10_000;

  /** How many files that failed end a sweep. */
  static final int MAX_FAILED = 1_000;

  private final FileQueue runs;
  private final StoreDeletions store;

  /** The run the state below belongs to. */
  private String runId;

  /** Every pending file of the run with an id at or below it has been tried. */
  private long cursor;

  /** The files at or below the cursor that failed and are still pending. */
  private final TreeSet<Long> failed = new TreeSet<>();

  /** The files deleted and not written so yet. */
  private final UnwrittenFiles unwritten = new UnwrittenFiles();

  /** The files being deleted behind the caller, not taken in yet; null when none. */
  private StoreDeletions.Behind behind;

  /** Whether the last sweep left nothing pending. */
  private boolean sweptClean;

  /**
   * Whether every file of the run past the cursor is among the files handed to the next sweep: the
   * run was new, or the last sweep tried everything past the cursor, and every page since handed
   * over the files it recorded.
   */
  private boolean caughtUp;

  FileSweeper(FileQueue runs, FileStore files) {
    this.runs = runs;
    this.store = new StoreDeletions(files);
  }

  /** Starts on a run that is new: it has recorded no file yet. */
  void begin(String runId) {
    settle();
    switchTo(runId);
    caughtUp = true;
  }

  /**
   * Deletes the run's files recorded since the last sweep, each file deleted counted in {@code
   * tally}; returns how many of the run's files are still pending. Given {@code recorded}, the
   * files recorded since the last sweep in id order, when nothing else can be pending past the
   * cursor, those are deleted without reading the run's pending files.
   */
  int sweep(String runId, CallTally tally, Optional<List<FileQueue.PendingFile>> recorded) {
    settle();
    switchTo(runId);
    sweptClean = false;
    int left = caughtUp && recorded.isPresent() ? take(recorded.get(), tally) : walk(tally);
    if (unwritten.size() >= MARK_EVERY) {
      mark();
    }
    sweptClean = left == 0;
    return left;
  }

  /**
   * As {@link #sweep}, but files handed over while caught up are deleted from the store on a thread
   * of their own, while the caller goes on (with its next page's statements); the next call into
   * the sweeper waits for them and takes in what the store said of each, on the caller's thread:
   * only the store's deletions leave it, every write to the database stays on it. Otherwise the
   * same as {@link #sweep}.
   */
  void sweepBehind(String runId, CallTally tally, Optional<List<FileQueue.PendingFile>> recorded) {
    settle();
    if (!runId.equals(this.runId) || !caughtUp || recorded.isEmpty()) {
      sweep(runId, tally, recorded);
      return;
    }
    List<FileQueue.PendingFile> handed = recorded.get();
    int room = MAX_FAILED - failed.size();
    sweptClean = false;
    // until what the store said is taken in
    caughtUp = false;
    behind = store.behind(handed, tally, room);
  }

  /** Sweeps until nothing is pending or {@code attempts} passes failed; returns what is left. */
  int drain(String runId, int attempts, CallTally tally) {
    settle();
    // the executor sweeps after every batch that records files: if the last sweep left nothing,
    // nothing is pending
    if (runId.equals(this.runId) && sweptClean) {
      return 0;
    }
    switchTo(runId);
    int left = retry(tally);
    for (int i = 1; i < attempts && left > 0; i++) {
      try {
        Thread.sleep(100L << i);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return left;
      }
      left = retry(tally);
    }
    sweptClean = left == 0;
    return left;
  }

  private void switchTo(String next) {
    if (next.equals(runId)) {
      return;
    }
    mark();
    runId = next;
    cursor = Long.MIN_VALUE;
    failed.clear();
    sweptClean = false;
    caughtUp = false;
  }

  /** Tries the files that failed once more, then the files past the cursor. */
  private int retry(CallTally tally) {
    List<Long> before = List.copyOf(failed);
    for (int from = 0; from < before.size(); from += PAGE) {
      List<Long> ids = before.subList(from, Math.min(before.size(), from + PAGE));
      ids.forEach(failed::remove);
      // a file no longer recorded was written deleted by another process: nothing to do
      for (FileQueue.PendingFile file : runs.pendingFiles(runId, ids)) {
        takeIn(file, store.attempt(file), tally);
      }
    }
    return walk(tally);
  }

  /** Tries the files past the cursor, in id order; returns how many of the run's are pending. */
  private int walk(CallTally tally) {
    caughtUp = false;
    while (failed.size() < MAX_FAILED) {
      List<FileQueue.PendingFile> pending = runs.pendingFiles(runId, cursor, PAGE);
      pending.forEach(file -> tryFile(file, tally));
      if (pending.size() < PAGE) {
        caughtUp = true;
        return failed.size();
      }
    }
    return leftForLater();
  }

  /**
   * Tries {@code recorded}, every file past the cursor, in id order; returns how many of the run's
   * are pending.
   */
  private int take(List<FileQueue.PendingFile> recorded, CallTally tally) {
    // until every one is tried (a sweep that throws leaves the rest to be read)
    caughtUp = false;
    for (FileQueue.PendingFile file : recorded) {
      if (failed.size() >= MAX_FAILED) {
        return leftForLater();
      }
      tryFile(file, tally);
    }
    caughtUp = true;
    return failed.size();
  }

  /** Tries a file just past the cursor, which moves to it. */
  private void tryFile(FileQueue.PendingFile file, CallTally tally) {
    tried(file, store.attempt(file), tally);
  }

  /** Takes in what the store said of a file just past the cursor, which moves to it. */
  private void tried(FileQueue.PendingFile file, String failure, CallTally tally) {
    cursor = file.id();
    takeIn(file, failure, tally);
  }

  /** Takes in what the store said of a file: kept to be written deleted, or kept as failed. */
  private void takeIn(FileQueue.PendingFile file, String failure, CallTally tally) {
    if (took(file, failure, tally)) {
      unwritten.add(file);
    } else {
      failed.add(file.id());
    }
  }

  /**
   * Waits for the files being deleted behind the caller ({@link #sweepBehind}) and takes in, in
   * order, what the store said of each: they are then counted, or their failures written, as if
   * they had been swept by {@link #take}.
   */
  private void settle() {
    if (behind == null) {
      return;
    }
    StoreDeletions.Behind done = behind;
    behind = null;
    List<String> said = done.joined();
    for (int i = 0; i < said.size(); i++) {
      tried(done.files().get(i), said.get(i), done.tally());
    }
    // the store refused so many that the rest were left untried, past the cursor
    caughtUp = said.size() == done.files().size();
    if (unwritten.size() >= MARK_EVERY) {
      mark();
    }
    sweptClean = caughtUp && failed.isEmpty();
  }

  /**
   * The store refuses nearly everything: what is left past the cursor waits for a later sweep.
   * Returns how many of the run's files are pending.
   */
  private int leftForLater() {
    return runs.recorded(runId) - unwritten.size();
  }

  /** As {@link StoreDeletions#deleteEach}: for files whose rows' transaction is still open. */
  boolean deleteEach(List<FileQueue.PendingFile> recorded, CallTally tally) {
    return store.deleteEach(recorded, tally);
  }

  /** Takes in what the store said of a file: counted deleted, or its failure written. */
  private boolean took(FileQueue.PendingFile file, String failure, CallTally tally) {
    if (failure != null) {
      runs.fileFailed(file.id(), failure);
      return false;
    }
    tally.fileDeleted(file.entity());
    return true;
  }

  /** Writes the deletion of the files deleted and not written so yet. */
  void mark() {
    settle();
    if (runId != null && !unwritten.isEmpty()) {
      runs.filesDeleted(runId, unwritten.all());
    }
    marked();
  }

  /**
   * The files of {@code runId} deleted and not written so yet (fewer than {@value #MARK_EVERY}),
   * for a caller that counted them in memory to forget with the run's completion, which deletes the
   * keys of every file of the run: writing them first would only count what the caller counts. The
   * caller then calls {@link #marked}, or {@link #mark} if the run does not complete.
   */
  DeletedFiles handOver(String runId) {
    settle();
    return runId.equals(this.runId) ? unwritten.all() : DeletedFiles.NONE;
  }

  /**
   * The files of {@code runId} deleted and not written so yet, for the caller to write in the
   * transaction of its next page ({@link FileQueue#write}), then to tell {@link #written} once it
   * commits ({@link UnwrittenFiles#toWrite}). What the store is deleting behind the caller is not
   * waited for: it is taken in at the next call, and written with a later page.
   */
  DeletedFiles toWrite(String runId) {
    return runId.equals(this.runId) ? unwritten.toWrite() : DeletedFiles.NONE;
  }

  /** As {@link UnwrittenFiles#written}. */
  void written(DeletedFiles deleted) {
    unwritten.written(deleted);
  }

  /**
   * Another process sweeping the run wrote some of the files kept here deleted first ({@link
   * FileQueue.WrittenElsewhere}): only those still recorded are kept, to be written.
   */
  void writtenElsewhere() {
    unwritten.keepOnly(runs.stillRecorded(runId, unwritten.all()));
  }

  /** Forgets the files not written yet: the caller has written or forgotten them. */
  void marked() {
    unwritten.clear();
  }
}
