package dev.lethe.core.execute;

import dev.lethe.core.state.FileQueue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The files one page's statements recorded: whether there were any, and which, when every statement
 * that recorded some returned them (on PostgreSQL a delete that records its rows' files returns up
 * to {@value #HANDED} of them), for the sweeper to delete without reading them back.
 */
final class RecordedFiles {

  /** The most files a delete hands back with its counts; past that they are read back. */
  static final int HANDED = 10_000;

  private final List<FileQueue.PendingFile> files = new ArrayList<>();
  private boolean any;
  private boolean unknown;

  /** Counts {@code count} files recorded by a statement that does not return them. */
  void notReturned(int count) {
    if (count != 0) {
      any = true;
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
    any = true;
    if (ids.length > HANDED) {
      unknown = true;
      return;
    }
    for (int i = 0; i < ids.length; i++) {
      files.add(new FileQueue.PendingFile(ids[i], entity, keys[i], 0));
    }
  }

  /** Whether the page, executed, recorded file keys. */
  boolean any() {
    return any;
  }

  /** Every file the page, executed, recorded, in id order, if all were returned; empty if not. */
  Optional<List<FileQueue.PendingFile>> list() {
    if (unknown) {
      return Optional.empty();
    }
    files.sort(Comparator.comparingLong(FileQueue.PendingFile::id));
    return Optional.of(files);
  }
}
