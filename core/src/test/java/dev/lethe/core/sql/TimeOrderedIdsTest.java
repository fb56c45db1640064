package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void an_id_is_a_version_7_uuid_carrying_the_time_it_was_made() {
    long before = System.currentTimeMillis();
    UUID id = TimeOrderedIds.next();
    long after = System.currentTimeMillis();

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    long millis = id.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(before, after);
  }

  @Test
  void ids_made_in_later_milliseconds_sort_later_as_the_text_the_tables_store() throws Exception {
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(TimeOrderedIds.next().toString());
      Thread.sleep(2);
    }

    assertThat(made).isSorted();
  }

  @Test
  void ids_made_in_the_same_millisecond_differ() {
    HashSet<UUID> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      seen.add(TimeOrderedIds.next());
    }

    assertThat(seen).hasSize(100_000);
  }
}
