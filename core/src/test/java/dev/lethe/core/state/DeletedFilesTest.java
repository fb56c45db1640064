package dev.lethe.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.state.DeletedFiles.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleted files are written in groups small enough for a short transaction, counted by entity. */
class DeletedFilesTest {

  private static final DeletedFiles FIVE =
      new DeletedFiles(
          List.of(
              new File(4, "attachments"),
              new File(9, "documents"),
              new File(10, "attachments"),
              new File(2, "attachments"),
              new File(11, "documents")));

  @Test
  void files_are_grouped_up_to_the_limit_in_the_order_they_were_deleted() {
    assertThat(FIVE.inGroupsOf(2))
        .extracting(DeletedFiles::ids)
        .containsExactly(List.of(4L, 9L), List.of(10L, 2L), List.of(11L));
    assertThat(FIVE.inGroupsOf(5)).containsExactly(FIVE);
  }

  @Test
  void files_are_counted_by_entity_in_the_whole_and_in_each_group() {
    assertThat(FIVE.count()).isEqualTo(5);
    assertThat(FIVE.byEntity()).isEqualTo(Map.of("attachments", 3L, "documents", 2L));
    assertThat(FIVE.inGroupsOf(3))
        .extracting(DeletedFiles::byEntity)
        .containsExactly(
            Map.of("attachments", 2L, "documents", 1L), Map.of("attachments", 1L, "documents", 1L));
  }

  @Test
  void nothing_deleted_is_no_group_and_a_limit_below_one_is_refused() {
    assertThat(DeletedFiles.NONE.isEmpty()).isTrue();
    assertThat(DeletedFiles.NONE.inGroupsOf(10)).isEmpty();
    assertThatThrownBy(() -> DeletedFiles.NONE.inGroupsOf(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
