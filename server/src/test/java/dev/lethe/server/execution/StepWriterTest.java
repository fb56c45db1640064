package dev.lethe.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The background writer of executions: grouped, each step once, nothing left behind on close. */
class StepWriterTest {

  final List<List<Integer>> groups = new CopyOnWriteArrayList<>();
  final List<Integer> alone = new CopyOnWriteArrayList<>();
  final List<String> writers = new CopyOnWriteArrayList<>();

  @Test
  void steps_that_arrive_while_a_group_is_written_go_together_in_the_next() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (StepWriter<Integer> writer =
        new StepWriter<>(
            "test-steps",
            100,
            8,
            group -> {
              groups.add(group);
              await(release);
            },
            step -> {
              alone.add(step);
              firstStarted.countDown();
              await(release);
            })) {
      writer.add(0);
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      IntStream.rangeClosed(1, 20).forEach(writer::add);
      release.countDown();
      awaitWritten(21);
    }

    assertThat(alone).containsExactly(0);
    assertThat(groups).extracting(List::size).containsExactly(8, 8, 4);
    assertThat(written()).containsExactlyElementsOf(IntStream.rangeClosed(0, 20).boxed().toList());
  }

  @Test
  void a_group_that_fails_is_written_step_by_step_and_a_step_that_fails_does_not_stop_the_others()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (StepWriter<Integer> writer =
        new StepWriter<>(
            "test-steps",
            100,
            8,
            group -> {
              throw new IllegalStateException("one of the group is queued already");
            },
            step -> {
              await(release);
              if (step == 3) {
                throw new IllegalStateException("the database is down");
              }
              alone.add(step);
            })) {
      IntStream.rangeClosed(1, 6).forEach(writer::add);
      release.countDown();
      awaitWritten(5);
      writer.add(7);
      awaitWritten(6);
    }

    assertThat(alone).containsExactlyInAnyOrder(1, 2, 4, 5, 6, 7);
  }

  @Test
  void closing_writes_every_step_waiting_and_later_steps_are_written_by_their_callers()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    StepWriter<Integer> writer =
        new StepWriter<>(
            "test-steps",
            1_000,
            16,
            group -> {
              await(release);
              groups.add(group);
              writers.add(Thread.currentThread().getName());
            },
            step -> {
              await(release);
              alone.add(step);
              writers.add(Thread.currentThread().getName());
            });
    IntStream.range(0, 500).forEach(writer::add);
    Thread closer = Thread.ofPlatform().start(() -> writer.close(Duration.ofSeconds(30)));
    release.countDown();
    closer.join(30_000);
    assertThat(closer.isAlive()).isFalse();
    assertThat(writer.waiting()).isZero();
    assertThat(written()).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());

    writer.add(500);
    assertThat(written()).contains(500);
    assertThat(writers.getLast()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void a_caller_writes_its_own_step_when_too_many_are_waiting() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstStarted = new CountDownLatch(1);
    try (StepWriter<Integer> writer =
        new StepWriter<>(
            "test-steps",
            4,
            2,
            group -> {
              groups.add(group);
              writers.add(Thread.currentThread().getName());
            },
            step -> {
              if (step == 0) {
                firstStarted.countDown();
                await(release);
              }
              alone.add(step);
              writers.add(Thread.currentThread().getName());
            })) {
      writer.add(0);
      assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
      IntStream.rangeClosed(1, 4).forEach(writer::add);
      writer.add(5);
      assertThat(alone).containsExactly(5);
      assertThat(writers).containsExactly(Thread.currentThread().getName());
      release.countDown();
      awaitWritten(6);
    }
    assertThat(written()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
  }

  private List<Integer> written() {
    List<Integer> all = new ArrayList<>(alone);
    groups.forEach(all::addAll);
    Collections.sort(all);
    return all;
  }

  private void awaitWritten(int count) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (written().size() < count && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(written()).hasSize(count);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
