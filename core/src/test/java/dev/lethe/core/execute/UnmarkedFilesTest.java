package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.state.FileMarks.Span;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnmarkedFilesTest {

  @Test
  void files_deleted_in_id_order_grow_one_span_and_are_counted_by_entity() {
    UnmarkedFiles unmarked = new UnmarkedFiles();
    unmarked.next(10, "attachments");
    unmarked.next(11, "attachments");
    unmarked.next(15, "kb_documents");

    assertThat(unmarked.marks().spans()).containsExactly(new Span(10, 15, 3));
    assertThat(unmarked.marks().byEntity())
        .isEqualTo(Map.of("attachments", 2L, "kb_documents", 1L));
    assertThat(unmarked.count()).isEqualTo(3);
  }

  @Test
  void a_file_that_failed_ends_the_span_so_no_span_covers_it() {
    UnmarkedFiles unmarked = new UnmarkedFiles();
    unmarked.next(1, "attachments");
    unmarked.gap(); // file 2 failed and stays pending
    unmarked.next(3, "attachments");

    assertThat(unmarked.marks().spans()).containsExactly(new Span(1, 1, 1), new Span(3, 3, 1));
  }

  @Test
  void a_span_covers_at_most_a_span_of_ids() {
    UnmarkedFiles unmarked = new UnmarkedFiles();
    unmarked.next(0, "attachments");
    unmarked.next(FileSweeper.SPAN - 1, "attachments");
    unmarked.next(FileSweeper.SPAN, "attachments");

    assertThat(unmarked.marks().spans())
        .containsExactly(
            new Span(0, FileSweeper.SPAN - 1, 2), new Span(FileSweeper.SPAN, FileSweeper.SPAN, 1));
  }

  @Test
  void a_file_retried_out_of_order_stands_alone_and_the_next_starts_afresh() {
    UnmarkedFiles unmarked = new UnmarkedFiles();
    unmarked.next(20, "attachments");
    unmarked.alone(5, "attachments");
    unmarked.next(21, "attachments");

    assertThat(unmarked.marks().spans())
        .containsExactly(new Span(20, 20, 1), new Span(5, 5, 1), new Span(21, 21, 1));
    assertThat(unmarked.count()).isEqualTo(3);
  }

  @Test
  void cleared_it_holds_nothing_and_starts_a_new_span() {
    UnmarkedFiles unmarked = new UnmarkedFiles();
    unmarked.next(1, "attachments");
    unmarked.clear();

    assertThat(unmarked.isEmpty()).isTrue();
    assertThat(unmarked.marks().spans()).isEmpty();
    assertThat(unmarked.marks().byEntity()).isEmpty();

    unmarked.next(2, "attachments");
    assertThat(unmarked.marks().spans()).containsExactly(new Span(2, 2, 1));
  }
}
