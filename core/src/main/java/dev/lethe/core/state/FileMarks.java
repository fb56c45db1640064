package dev.lethe.core.state;

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
}
