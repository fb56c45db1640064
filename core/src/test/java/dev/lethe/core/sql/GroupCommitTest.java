package dev.lethe.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  /** Records each call; the first call waits until released; "bad" items make a call fail. */
  private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());

  private final List<String> committed = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstCallMayEnd = new CountDownLatch(1);
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void tearDown() {
    firstCallMayEnd.countDown();
    pool.shutdownNow();
  }

  private void write(List<String> items) {
    calls.add(List.copyOf(items));
    if (calls.size() == 1) {
      try {
        firstCallMayEnd.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    if (items.contains("bad")) {
      throw new IllegalArgumentException("bad refused");
    }
    if (items.contains("fatal")) {
      throw new AssertionError("fatal refused");
    }
    committed.addAll(items);
  }

  @Test
  void an_item_alone_is_written_alone() {
    firstCallMayEnd.countDown();
    GroupCommit<String> group = new GroupCommit<>(this::write, 10);

    group.write("a");

    assertThat(calls).containsExactly(List.of("a"));
    assertThat(group.waiting()).isZero();
  }

  @Test
  void items_arriving_while_a_group_is_written_are_written_together_next() throws Exception {
    GroupCommit<String> group = new GroupCommit<>(this::write, 10);
    Future<?> first = pool.submit(() -> group.write("first"));
    awaitCalls(1);
    List<Future<?>> rest = submitAll(group, List.of("b", "c", "d", "e"));
    awaitWaiting(group, 4);

    firstCallMayEnd.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : rest) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(calls).hasSize(2);
    assertThat(calls.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
    assertThat(committed).containsExactlyInAnyOrder("first", "b", "c", "d", "e");
  }

  @Test
  void a_group_holds_at_most_its_limit() throws Exception {
    GroupCommit<String> group = new GroupCommit<>(this::write, 2);
    Future<?> first = pool.submit(() -> group.write("first"));
    awaitCalls(1);
    List<Future<?>> rest = submitAll(group, List.of("b", "c", "d", "e", "f"));
    awaitWaiting(group, 5);

    firstCallMayEnd.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : rest) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThat(calls.subList(1, calls.size())).allSatisfy(c -> assertThat(c).hasSizeBetween(1, 2));
    assertThat(committed).containsExactlyInAnyOrder("first", "b", "c", "d", "e", "f");
  }

  @Test
  void an_item_refused_in_a_group_fails_only_its_own_caller() throws Exception {
    GroupCommit<String> group = new GroupCommit<>(this::write, 10);
    Future<?> first = pool.submit(() -> group.write("first"));
    awaitCalls(1);
    Future<?> bad = pool.submit(() -> group.write("bad"));
    Future<?> fatal = pool.submit(() -> group.write("fatal"));
    List<Future<?>> good = submitAll(group, List.of("b", "c"));
    awaitWaiting(group, 4);

    firstCallMayEnd.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : good) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("bad refused");
    assertThatThrownBy(() -> fatal.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AssertionError.class)
        .hasRootCauseMessage("fatal refused");
    // the failed group, then its halves, and theirs where they failed
    assertThat(calls.get(1)).containsExactlyInAnyOrder("bad", "fatal", "b", "c");
    assertThat(calls.subList(2, calls.size()))
        .hasSizeBetween(4, 6)
        .contains(List.of("bad"), List.of("fatal"))
        .allSatisfy(c -> assertThat(calls.get(1)).containsAll(c));
    assertThat(committed).containsExactlyInAnyOrder("first", "b", "c");
    assertThat(group.waiting()).isZero();
  }

  @Test
  void one_item_refused_in_a_full_group_costs_a_few_writes_not_one_for_each_item()
      throws Exception {
    GroupCommit<String> group = new GroupCommit<>(this::write, 64);
    Future<?> first = pool.submit(() -> group.write("first"));
    awaitCalls(1);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 63; i++) {
      items.add("item-" + i);
    }
    List<Future<?>> good = submitAll(group, items);
    Future<?> bad = pool.submit(() -> group.write("bad"));
    awaitWaiting(group, 64);

    firstCallMayEnd.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (Future<?> f : good) {
      f.get(10, TimeUnit.SECONDS);
    }

    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("bad refused");
    assertThat(calls.get(1)).hasSize(64);
    // each level of halving: the half holding the refused item fails, the other commits
    assertThat(calls.subList(2, calls.size())).hasSize(12);
    assertThat(committed).containsExactlyInAnyOrderElementsOf(concat("first", items));
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  @Test
  void many_callers_at_once_each_return_once_their_item_is_committed() throws Exception {
    firstCallMayEnd.countDown();
    GroupCommit<String> group = new GroupCommit<>(this::write, 8);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      items.add("item-" + i);
    }
    List<Future<?>> all = new ArrayList<>();
    for (String item : items) {
      all.add(
          pool.submit(
              () -> {
                group.write(item);
                synchronized (committed) {
                  assertThat(committed.contains(item)).isTrue();
                }
              }));
    }
    for (Future<?> f : all) {
      f.get(30, TimeUnit.SECONDS);
    }

    assertThat(committed).containsExactlyInAnyOrderElementsOf(items);
    assertThat(group.waiting()).isZero();
  }

  @Test
  void a_group_of_no_items_is_refused() {
    assertThatThrownBy(() -> new GroupCommit<String>(this::write, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Future<?>> submitAll(GroupCommit<String> group, List<String> items) {
    List<Future<?>> futures = new ArrayList<>();
    for (String item : items) {
      futures.add(pool.submit(() -> group.write(item)));
    }
    return futures;
  }

  private void awaitCalls(int n) throws InterruptedException {
    awaitTrue(() -> calls.size() >= n);
  }

  private static void awaitWaiting(GroupCommit<String> group, int n) throws InterruptedException {
    awaitTrue(() -> group.waiting() == n);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in 10 s");
      }
      Thread.sleep(5);
    }
  }
}
