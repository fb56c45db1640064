package dev.lethe.core.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.meta.MetaUserIdList.Problem;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetaUserIdListTest {

  @Test
  void plain_text_with_one_id_per_line_reads_in_order() {
    MetaUserIdList list = MetaUserIdList.parse("10215897521983476\n218471\n3345\n");

    assertThat(list.ids()).containsExactly("10215897521983476", "218471", "3345");
    assertThat(list.isClean()).isTrue();
  }

  @Test
  void a_user_id_header_line_is_skipped() {
    assertThat(MetaUserIdList.parse("user_id\n218471\n3345").ids())
        .containsExactly("218471", "3345");
    assertThat(MetaUserIdList.parse("App-Scoped User ID\n218471").ids()).containsExactly("218471");
  }

  @Test
  void in_a_csv_with_other_columns_the_header_picks_the_id_column() {
    String csv =
        """
        Request Date,App-Scoped User ID,Status
        2026-02-23,218471,pending
        2026-02-24,"3345",pending
        """;

    MetaUserIdList list = MetaUserIdList.parse(csv);

    assertThat(list.ids()).containsExactly("218471", "3345");
    assertThat(list.isClean()).isTrue();
  }

  @Test
  void semicolon_and_tab_separated_lists_read_too() {
    assertThat(MetaUserIdList.parse("date;user_id\n2026-02-23;218471\n").ids())
        .containsExactly("218471");
    assertThat(MetaUserIdList.parse("user_id\tdate\n218471\t2026-02-23\n").ids())
        .containsExactly("218471");
  }

  @Test
  void without_a_header_the_first_column_is_read() {
    assertThat(MetaUserIdList.parse("218471,2026-02-23\n3345,2026-02-24").ids())
        .containsExactly("218471", "3345");
  }

  @Test
  void quotes_blank_lines_a_byte_order_mark_and_any_line_ending_are_fine() {
    String text = "\uFEFF\"user_id\"\r\n\r\n\"218471\"\r\n   \n3345\r77\n";

    MetaUserIdList list = MetaUserIdList.parse(text);

    assertThat(list.ids()).containsExactly("218471", "3345", "77");
    assertThat(list.isClean()).isTrue();
  }

  @Test
  void repeated_ids_are_kept_once_and_counted() {
    MetaUserIdList list = MetaUserIdList.parse("218471\n3345\n218471\n0218471\n");

    assertThat(list.ids()).containsExactly("218471", "3345");
    assertThat(list.duplicates()).isEqualTo(2);
  }

  @Test
  void unreadable_lines_are_reported_by_line_number_and_never_by_content() {
    String text = "user_id\n218471\nnot-an-id\n\n1.02159E+16\n0\n\"3345\n44\n";

    MetaUserIdList list = MetaUserIdList.parse(text);

    assertThat(list.ids()).containsExactly("218471", "44");
    assertThat(list.problems()).extracting(Problem::line).containsExactly(3, 5, 6, 7);
    assertThat(list.problems().get(1).reason()).contains("scientific notation");
    assertThat(list.problems().get(3).reason()).contains("quote");
    assertThat(list.problems()).allSatisfy(p -> assertThat(p.reason()).doesNotContain("not-an-id"));
    assertThat(list.isClean()).isFalse();
  }

  @Test
  void a_line_short_of_the_id_column_is_reported() {
    MetaUserIdList list = MetaUserIdList.parse("date,user_id\n2026-02-23,218471\n2026-02-24\n");

    assertThat(list.ids()).containsExactly("218471");
    assertThat(list.problems()).containsExactly(new Problem(3, "the line has no column 2"));
  }

  @Test
  void a_header_without_an_id_column_is_reported_and_the_first_column_read() {
    MetaUserIdList list = MetaUserIdList.parse("person,date\n218471,2026-02-23\n");

    assertThat(list.ids()).containsExactly("218471");
    assertThat(list.problems()).extracting(Problem::line).containsExactly(1);
  }

  @Test
  void an_empty_text_is_an_empty_list() {
    assertThat(MetaUserIdList.parse("").ids()).isEmpty();
    assertThat(MetaUserIdList.parse("\uFEFF\r\n").isClean()).isTrue();
  }

  @Test
  void a_text_past_the_size_limit_is_refused() {
    String huge = "1\n".repeat(MetaUserIdList.MAX_CHARS / 2 + 1);

    assertThatThrownBy(() -> MetaUserIdList.parse(huge))
        .isInstanceOf(UserIdListTooLargeException.class);
  }

  @Test
  void a_list_past_the_id_limit_is_refused() {
    String many =
        IntStream.rangeClosed(1, MetaUserIdList.MAX_IDS + 1)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining("\n"));

    assertThatThrownBy(() -> MetaUserIdList.parse(many))
        .isInstanceOf(UserIdListTooLargeException.class)
        .hasMessageContaining("ids");
  }

  @Test
  void problems_past_the_limit_are_only_counted() {
    MetaUserIdList list = MetaUserIdList.parse("?\n".repeat(MetaUserIdList.MAX_PROBLEMS + 5));

    assertThat(list.problems()).hasSize(MetaUserIdList.MAX_PROBLEMS);
    assertThat(list.problemsLeftOut()).isEqualTo(5);
  }
}
