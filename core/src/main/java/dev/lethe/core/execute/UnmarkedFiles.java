package dev.lethe.core.execute;

import dev.lethe.core.state.FileMarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one run that a {@link FileSweeper} deleted from the store and has not marked yet,
 * kept as spans of ids (every unmarked file of the run in a span was deleted) and counted by
 * entity. Files deleted one after another in id order grow the open span, up to {@value
 * FileSweeper#SPAN} ids; a file that failed ends it, so no span reaches across a file still
 * pending.
 */
final class UnmarkedFiles {

  private final List<FileMarks.Span> spans = new ArrayList<>();
  private final Map<String, Long> byEntity = new LinkedHashMap<>();
  private boolean lastSpanOpen;

  /** A file deleted just past every file kept so far: it joins the open span, or starts one. */
  void next(long id, String entity) {
    int last = spans.size() - 1;
    if (lastSpanOpen && id - spans.get(last).from() < FileSweeper.SPAN) {
      FileMarks.Span span = spans.get(last);
      spans.set(last, new FileMarks.Span(span.from(), id, span.files() + 1));
    } else {
      spans.add(new FileMarks.Span(id, id, 1));
      lastSpanOpen = true;
    }
    count(entity);
  }

  /** A file deleted out of the order (one that had failed before): a span of its own. */
  void alone(long id, String entity) {
    spans.add(new FileMarks.Span(id, id, 1));
    lastSpanOpen = false;
    count(entity);
  }

  /** A file that failed: the open span ends before it. */
  void gap() {
    lastSpanOpen = false;
  }

  /** How many files are kept. */
  long count() {
    return byEntity.values().stream().mapToLong(Long::longValue).sum();
  }

  boolean isEmpty() {
    return byEntity.isEmpty();
  }

  FileMarks marks() {
    return new FileMarks(spans, byEntity);
  }

  /** Forgets every file kept: they were marked, or forgotten with the run. */
  void clear() {
    spans.clear();
    byEntity.clear();
    lastSpanOpen = false;
  }

  private void count(String entity) {
    byEntity.merge(entity, 1L, Long::sum);
  }
}
