package dev.lethe.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Files of one run deleted from the store whose marks are not written yet, as spans of ids: every
 * file of the run still unmarked with an id in a span was deleted. A run deletes its files in id
 * order, so a few spans stand for any number of files, and marking them is one statement per span.
 *
 * @param spans the spans
 * @param byEntity how many files of each entity the spans hold
 */
public record FileMarks(List<Span> spans, Map<String, Long> byEntity) {

  public static final FileMarks NONE = new FileMarks(List.of(), Map.of());

  /** The run's unmarked files with ids from {@code from} to {@code to}, both included. */
  public record Span(long from, long to, int files) {}

  public FileMarks {
    spans = List.copyOf(spans);
    byEntity = Map.copyOf(byEntity);
  }

  /** How many files the spans hold. */
  public long files() {
    return spans.stream().mapToLong(Span::files).sum();
  }

  /**
   * The spans in groups of at most {@code most} files each, in order, for one transaction a group:
   * a span of more files is cut into spans of at most {@code most} ids (it holds at most one file
   * an id; how many each part holds is not known, so each counts as {@code most}).
   */
  public List<List<Span>> inGroupsOf(int most) {
    if (most < 1) {
      throw new IllegalArgumentException("a group holds at least one file, not " + most);
    }
    List<List<Span>> groups = new ArrayList<>();
    List<Span> group = new ArrayList<>();
    long inGroup = 0;
    for (Span span : spans) {
      if (inGroup + span.files() > most && !group.isEmpty()) {
        groups.add(List.copyOf(group));
        group.clear();
        inGroup = 0;
      }
      if (span.files() > most) {
        for (long from = span.from(); from <= span.to(); from += most) {
          groups.add(List.of(new Span(from, Math.min(span.to(), from + most - 1), most)));
        }
        continue;
      }
      group.add(span);
      inGroup += span.files();
    }
    if (!group.isEmpty()) {
      groups.add(List.copyOf(group));
    }
    return groups;
  }
}
