package dev.lethe.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.state.FileMarks.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marks go in groups small enough for a short transaction, every span's ids still covered. */
class FileMarksTest {

  @Test
  void spans_are_grouped_up_to_the_limit_in_order() {
    FileMarks marks = marks(new Span(1, 40, 40), new Span(50, 109, 60), new Span(200, 200, 1));

    assertThat(marks.inGroupsOf(100))
        .containsExactly(
            List.of(new Span(1, 40, 40), new Span(50, 109, 60)), List.of(new Span(200, 200, 1)));
    assertThat(marks.inGroupsOf(1_000)).containsExactly(marks.spans());
  }

  @Test
  void a_span_of_more_files_than_the_limit_is_cut_by_ids_each_part_a_group_of_its_own() {
    FileMarks marks = marks(new Span(1, 10, 10), new Span(11, 260, 250), new Span(300, 301, 2));

    assertThat(marks.inGroupsOf(100))
        .containsExactly(
            List.of(new Span(1, 10, 10)),
            List.of(new Span(11, 110, 100)),
            List.of(new Span(111, 210, 100)),
            List.of(new Span(211, 260, 100)),
            List.of(new Span(300, 301, 2)));
  }

  @Test
  void nothing_to_mark_is_no_group_and_a_limit_below_one_is_refused() {
    assertThat(FileMarks.NONE.inGroupsOf(10)).isEmpty();
    assertThatThrownBy(() -> FileMarks.NONE.inGroupsOf(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static FileMarks marks(Span... spans) {
    long files = List.of(spans).stream().mapToLong(Span::files).sum();
    return new FileMarks(List.of(spans), Map.of("attachments", files));
  }
}
