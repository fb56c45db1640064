package dev.lethe.core.execute;

import dev.lethe.core.state.FileQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The files one page's statements recorded: whether there were any, and which, when every statement
 * that recorded some returned them (on PostgreSQL a delete that records its rows' files returns up
 * to {@value #HANDED} of them), for the sweeper to delete without reading them back.
 *
 * <p>A page that completes its run ({@link OnlyPage}) holds its files' keys instead of recording
 * them: its deletes return them ({@link dev.lethe.core.state.FileRecords#deleteHoldingFiles}), the
 * page deletes them from the store and completes the run in its transaction, and nothing of them is
 * written. Held files are recorded ({@link #store}) before a page that does not complete its run
 * commits.
 */
final class RecordedFiles {

  /** The most files a delete hands back with its counts; past that they are read back. */
  static final int HANDED = 10_000;

  private final List<FileQueue.PendingFile> files = new ArrayList<>();
  private final List<FileQueue.PendingFile> held = new ArrayList<>();
  private long heldCount;
  private boolean written;
  private boolean unknown;

  /** Counts {@code count} files recorded by a statement that does not return them. */
  void notReturned(int count) {
    if (count != 0) {
      written = true;
      unknown = true;
    }
  }

  /**
   * Keeps the files of {@code entity} a statement recorded and returned: their ids and keys, in the
   * same order, null if none; more than {@value #HANDED} count as not returned.
   */
  void returned(String entity, Long[] ids, String[] keys) {
    if (ids == null || ids.length == 0) {
      return;
    }
    written = true;
    if (ids.length > HANDED) {
      unknown = true;
      return;
    }
    for (int i = 0; i < ids.length; i++) {
      files.add(new FileQueue.PendingFile(ids[i], entity, keys[i], 0));
    }
  }

  /**
   * Keeps the files of {@code entity} a statement deleted the rows of without recording them:
   * {@code count} keys, of which it returned {@code keys} (all of them, or the first few).
   */
  void held(String entity, long count, String[] keys) {
    if (count == 0) {
      return;
    }
    heldCount += count;
    if (keys != null) {
      for (String key : keys) {
        held.add(new FileQueue.PendingFile(0, entity, key, 0));
      }
    }
  }

  /** How many files' keys the page holds, unrecorded. */
  long heldCount() {
    return heldCount;
  }

  /**
   * The files the page holds (their ids unset), when their statements returned every key.
   *
   * @throws IllegalStateException when they returned fewer
   */
  List<FileQueue.PendingFile> heldFiles() {
    if (held.size() != heldCount) {
      throw new IllegalStateException(heldCount + " files held, " + held.size() + " returned");
    }
    return held;
  }

  /**
   * Records the held files for run {@code runId} in {@code tx}, the page's transaction, before it
   * commits: they are then recorded as any other page's ({@link #list}).
   */
  void store(DSLContext tx, String runId) {
    if (heldCount == 0) {
      return;
    }
    files.addAll(FileQueue.record(tx, runId, heldFiles()));
    written = true;
    held.clear();
    heldCount = 0;
  }

  /** Whether the page, executed, recorded or holds file keys. */
  boolean any() {
    return written || heldCount > 0;
  }

  /** Whether the page, executed, recorded file keys in Lethe's tables. */
  boolean written() {
    return written;
  }

  /**
   * Every file the page, executed, recorded, in id order, if all were returned; empty if not.
   *
   * @throws IllegalStateException while the page holds files it has not recorded ({@link #store})
   */
  Optional<List<FileQueue.PendingFile>> list() {
    if (heldCount > 0) {
      throw new IllegalStateException(heldCount + " held files not recorded");
    }
    return recorded();
  }

  /** {@link #list}, whatever the page holds besides. */
  Optional<List<FileQueue.PendingFile>> recorded() {
    if (unknown) {
      return Optional.empty();
    }
    files.sort(Comparator.comparingLong(FileQueue.PendingFile::id));
    return Optional.of(files);
  }
}
