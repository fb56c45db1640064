package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.ChainTemplates;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pass reads the keys of its next page while a page is handled, once its sizer keeps the size
 * (here after the first page, the size being at its most): every row the condition selects is
 * handed over once, in key order, in pages of the sizer's size; what a page's handling or a read
 * ahead throws leaves the pass as it was thrown, with nothing of the pass still running.
 */
class KeyPagesTest {

  private static final String MAP =
      """
      version: 1
      name: pages
      entities:
        item: {}
      """;

  /** Ten rows the pass selects (ids 1 to 10, {@code v} 0) and two it leaves (v 1). */
  private static final String[] ROWS = {
    "CREATE TABLE item (id BIGINT PRIMARY KEY, v INT NOT NULL)",
    "INSERT INTO item VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 1), (6, 0), (7, 0), (8, 0),"
        + " (9, 0), (10, 0), (11, 1), (12, 0)"
  };

  /** The pages a pass through them hands over, in order. */
  private static final List<List<Object>> PAGES =
      List.of(List.of(1L, 2L, 3L), List.of(4L, 6L, 7L), List.of(8L, 9L, 10L), List.of(12L));

  /**
   * A pass through the rows whose {@code v} is 0, in pages of three: the reads of their keys, and
   * the pages handled.
   */
  private record Pass(
      KeyPages pages, KeyPages.Rows rows, AtomicInteger reads, List<List<Object>> handled) {

    /** Records each page's keys, then hands them to {@code handle}; reads ahead. */
    void forEach(Consumer<List<Object>> handle) {
      forEach(true, handle);
    }

    void forEach(boolean readAhead, Consumer<List<Object>> handle) {
      pages.forEach(
          rows,
          pages.fresh(),
          readAhead,
          keys -> {
            handled.add(List.copyOf(keys));
            handle.accept(keys);
            return 1_000_000L;
          });
    }
  }

  private static Pass pass(TestDatabase db, int failingRead) throws Exception {
    db.execute(ROWS);
    SchemaSnapshot schema;
    try (Connection connection = db.dataSource().getConnection()) {
      schema = SchemaSnapshot.read(connection);
    }
    BoundEntity item = BoundMap.bind(DataMapLoader.load("pages.yaml", MAP), schema).entity("item");
    AtomicInteger reads = new AtomicInteger();
    DSLContext dsl =
        schema
            .vendor()
            .dsl(db.dataSource())
            .configuration()
            .derive(
                ExecuteListener.onExecuteEnd(
                    ctx -> {
                      if (reads.incrementAndGet() == failingRead) {
                        throw new DataAccessException("the database went away");
                      }
                    }))
            .dsl();
    // a target no page reaches keeps the size at three
    KeyPages pages =
        new KeyPages(dsl, new ExecutionOptions(3, 3, 3_600_000, 1), new ChainTemplates());
    return new Pass(pages, KeyPages.Rows.of(item, item.field("v").eq(0)), reads, new ArrayList<>());
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_next_pages_keys_are_read_while_a_page_is_handled(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Pass pass = pass(db, 0);
      pass.forEach(
          keys -> {
            if (keys.size() == 3 && pass.handled().size() > 1) {
              // once the first page has shown the size to keep, the next page's read ends while
              // this page is still being handled
              awaitReads(pass.reads(), pass.handled().size() + 1);
            }
          });
      assertThat(pass.handled()).containsExactlyElementsOf(PAGES);
      // the last page was short: nothing is read after it
      assertThat(pass.reads()).hasValue(4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void without_read_ahead_each_pages_keys_are_read_after_the_page_before(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Pass pass = pass(db, 0);
      List<Integer> readsWhileHandled = new ArrayList<>();
      pass.forEach(false, keys -> readsWhileHandled.add(pass.reads().get()));
      assertThat(pass.handled()).containsExactlyElementsOf(PAGES);
      // while the nth page is handled, n reads have ended: its own and those before it
      assertThat(readsWhileHandled).containsExactly(1, 2, 3, 4);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_page_that_fails_ends_the_pass_once_the_read_ahead_has_ended(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Pass pass = pass(db, 0);
      assertThatThrownBy(
              () ->
                  pass.forEach(
                      keys -> {
                        if (pass.handled().size() == 2) {
                          throw new IllegalStateException("the page failed");
                        }
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the page failed");
      assertThat(pass.handled()).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 6L, 7L));
      // the third page's keys, read while the second was handled, and nothing after
      assertThat(pass.reads()).hasValue(3);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_read_ahead_that_fails_ends_the_pass_with_what_it_threw(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      // the third read: the first read ahead, while the second page is handled
      Pass pass = pass(db, 3);
      assertThatThrownBy(() -> pass.forEach(keys -> {}))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("the database went away");
      assertThat(pass.handled()).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 6L, 7L));
    }
  }

  private static void awaitReads(AtomicInteger reads, int expected) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (reads.get() < expected) {
      if (System.nanoTime() > until) {
        throw new AssertionError(
            "the next page was not read while the page was handled: " + reads.get() + " reads");
      }
      Thread.onSpinWait();
    }
  }
}
