package dev.lethe.core.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files of one run deleted from the store whose deletion is not written yet. Writing it ({@link
 * FileQueue#filesDeleted}, or a page's transaction with {@link FileQueue#write}) deletes their
 * keys, by their ids, and adds them to the run's count of deleted files, together.
 *
 * <p>By ids, not by ranges of them: on InnoDB a delete by a range waits, even read-committed, for
 * another run's file being recorded inside the range or just past it, where a delete by primary
 * keys locks those rows only.
 *
 * @param files the files, in the order they were deleted
 */
public record DeletedFiles(List<File> files) {

  public static final DeletedFiles NONE = new DeletedFiles(List.of());

  /** A file deleted from the store: its id in {@code lethe_run_files} and its entity. */
  public record File(long id, String entity) {}

  public DeletedFiles {
    files = List.copyOf(files);
  }

  /** How many files there are. */
  public int count() {
    return files.size();
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Their ids, in order. */
  public List<Long> ids() {
    return files.stream().map(File::id).toList();
  }

  /** How many files of each entity there are. */
  public Map<String, Long> byEntity() {
    Map<String, Long> counts = new LinkedHashMap<>();
    files.forEach(file -> counts.merge(file.entity(), 1L, Long::sum));
    return counts;
  }

  /** The files in groups of at most {@code most}, in order, for one transaction a group. */
  public List<DeletedFiles> inGroupsOf(int most) {
    if (most < 1) {
      throw new IllegalArgumentException("a group holds at least one file, not " + most);
    }
    List<DeletedFiles> groups = new ArrayList<>();
    for (int from = 0; from < files.size(); from += most) {
      groups.add(new DeletedFiles(files.subList(from, Math.min(files.size(), from + most))));
    }
    return groups;
  }
}
