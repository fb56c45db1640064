package dev.lethe.core.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.files.FileStore;
import dev.lethe.core.schema.Vendor;
import dev.lethe.core.state.DeletedFiles;
import dev.lethe.core.state.FileQueue;
import dev.lethe.core.state.RunStatus;
import dev.lethe.core.state.RunStore;
import dev.lethe.platform.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sweeper deletes every file a run recorded once, in id order behind its cursor, writes them
 * deleted (their keys deleted by their ids, their count added) without touching a file that failed
 * or another run's files, and retries the files that failed.
 */
class FileSweeperTest {

  private static final String RUN = "00000000-0000-0000-0000-00000000000a";
  private static final String OTHER = "00000000-0000-0000-0000-00000000000b";

  /**
   * A store that counts every deletion asked of it and which thread asked first, refuses some keys
   * for a while, and holds the deletion of one key until it is let go.
   */
  private static final class Store implements FileStore {
    final Map<String, Integer> deletions = new ConcurrentHashMap<>();
    final Map<String, String> firstThreads = new ConcurrentHashMap<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    volatile boolean down;
    volatile String held;
    final CountDownLatch letGo = new CountDownLatch(1);

    @Override
    public void delete(String key) throws IOException {
      firstThreads.putIfAbsent(key, Thread.currentThread().getName());
      if (key.equals(held)) {
        try {
          // bounded: a sweeper that waited for its own deletions fails the test, not hangs it
          letGo.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      deletions.merge(key, 1, Integer::sum);
      if (down || refused.contains(key)) {
        throw new IOException("store unavailable");
      }
    }

    @Override
    public boolean exists(String key) {
      return false;
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void every_file_is_deleted_once_and_written_so_by_its_id_past_failures_and_other_runs(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      Store store = new Store();
      FileSweeper sweeper = sweeper(dsl, store);
      CallTally tally = new CallTally();

      // pages of the run, with another run's files recorded in between
      record(dsl, RUN, "attachments", 0, 7_000);
      record(dsl, OTHER, "attachments", 0, 300);
      record(dsl, RUN, "documents", 7_000, 7_200);
      store.refused.add("attachments/4321");
      assertThat(sweeper.sweep(RUN, tally, Optional.empty())).isEqualTo(1);

      record(dsl, RUN, "attachments", 7_200, 12_000);
      assertThat(sweeper.sweep(RUN, tally, Optional.empty())).isEqualTo(1);
      // past 10,000 deleted files, their deletion was written: the keys of every file of the run
      // but the one refused (its failed attempt written) deleted, and none of the other run's
      assertThat(recorded(dsl, RUN)).containsExactly("attachments/4321");
      assertThat(attempts(dsl, "attachments/4321")).isEqualTo(1);
      assertThat(recorded(dsl, OTHER)).hasSize(300);
      assertThat(store.deletions).doesNotContainKey("other/0");

      store.refused.clear();
      record(dsl, RUN, "attachments", 12_000, 12_050);
      assertThat(sweeper.drain(RUN, 3, tally)).isZero();
      DeletedFiles last = sweeper.handOver(RUN);
      assertThat(last.count()).isEqualTo(51);
      assertThat(last.byEntity()).containsExactly(Map.entry("attachments", 51L));
      new RunStore(dsl, 100).files().filesDeleted(RUN, last);
      sweeper.marked();

      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(recorded(dsl, OTHER)).hasSize(300);
      assertThat(store.deletions).hasSize(12_050);
      assertThat(store.deletions.get("attachments/4321")).isEqualTo(2);
      assertThat(store.deletions.values().stream().filter(n -> n > 1)).hasSize(1);
      assertThat(tally.tallies().deletedFiles())
          .containsExactly(Map.entry("attachments", 11_850L), Map.entry("documents", 200L));
      // each file counted once, as the tally counted them, with its key's deletion
      assertThat(new RunStore(dsl, 100).files().deletedFiles(RUN))
          .isEqualTo(Map.of("attachments", 11_850L, "documents", 200L));
      assertThat(new RunStore(dsl, 100).tallies(RUN).deletedFiles())
          .isEqualTo(Map.of("attachments", 11_850L, "documents", 200L));
      assertThat(new RunStore(dsl, 100).counts(RUN)).isEmpty();
    }
  }

  /**
   * Two processes sweeping the same run (one resumed it while the other still ran) both delete its
   * files from the store; the transaction that deletes a file's key counts it, and one that finds
   * keys gone rolls back and writes only the files still recorded: each file is counted once.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_file_written_deleted_by_another_process_is_counted_once(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      FileQueue queue = new RunStore(dsl, 100).files();
      record(dsl, RUN, "attachments", 0, 300);
      record(dsl, OTHER, "attachments", 0, 10);
      FileSweeper sweeper = sweeper(dsl, new Store());
      assertThat(sweeper.sweep(RUN, new CallTally(), Optional.empty())).isZero();
      DeletedFiles kept = sweeper.toWrite(RUN);
      assertThat(kept.count()).isEqualTo(300);

      // the other process writes a third of them first; a page's transaction writing them all
      // finds their keys gone and rolls back, having counted nothing and deleted no key
      queue.filesDeleted(RUN, new DeletedFiles(kept.files().subList(0, 100)));
      assertThatThrownBy(() -> dsl.transaction(c -> FileQueue.write(c.dsl(), RUN, kept)))
          .isInstanceOf(FileQueue.WrittenElsewhere.class);
      assertThat(queue.deletedFiles(RUN)).isEqualTo(Map.of("attachments", 100L));
      assertThat(recorded(dsl, RUN)).hasSize(200);

      sweeper.writtenElsewhere();
      assertThat(sweeper.toWrite(RUN).files()).isEqualTo(kept.files().subList(100, 300));
      dsl.transaction(c -> FileQueue.write(c.dsl(), RUN, sweeper.toWrite(RUN)));
      assertThat(queue.deletedFiles(RUN)).isEqualTo(Map.of("attachments", 300L));
      assertThat(recorded(dsl, RUN)).isEmpty();

      // written in transactions of their own, again, in part or in whole: counted no more
      record(dsl, RUN, "documents", 300, 310);
      DeletedFiles documents = deleted(recorded(dsl, "documents", 300, 310));
      queue.filesDeleted(RUN, new DeletedFiles(documents.files().subList(0, 4)));
      queue.filesDeleted(RUN, documents);
      queue.filesDeleted(RUN, kept);
      assertThat(queue.deletedFiles(RUN)).isEqualTo(Map.of("attachments", 300L, "documents", 10L));
      // and a file given twice is counted once
      record(dsl, RUN, "documents", 310, 311);
      DeletedFiles.File twice = deleted(recorded(dsl, "documents", 310, 311)).files().getFirst();
      queue.filesDeleted(RUN, new DeletedFiles(List.of(twice, twice)));
      assertThat(queue.deletedFiles(RUN)).isEqualTo(Map.of("attachments", 300L, "documents", 11L));
      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(recorded(dsl, OTHER)).hasSize(10);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_store_that_is_down_stops_the_sweep_and_a_new_sweeper_deletes_what_was_left(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      Store store = new Store();
      FileSweeper sweeper = sweeper(dsl, store);
      record(dsl, RUN, "attachments", 0, 300);
      assertThat(sweeper.sweep(RUN, new CallTally(), Optional.empty())).isZero();

      store.down = true;
      record(dsl, RUN, "attachments", 300, 2_000);
      assertThat(sweeper.sweep(RUN, new CallTally(), Optional.empty())).isEqualTo(1_700);
      // the sweep gave up once a thousand files had failed
      assertThat(store.deletions).hasSize(300 + FileSweeper.MAX_FAILED);
      sweeper.mark();
      assertThat(recorded(dsl, RUN)).hasSize(1_700);

      // as after a restart: a new sweeper starts from the run's first pending file
      store.down = false;
      FileSweeper again = sweeper(dsl, store);
      assertThat(again.drain(RUN, 1, new CallTally())).isZero();
      again.mark();
      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(store.deletions).hasSize(2_000);
      assertThat(store.deletions.get("attachments/0")).isEqualTo(1);
    }
  }

  /**
   * A new run's pages hand the sweeper the files they recorded: it deletes them without reading the
   * run's pending files back, until a page records files it does not hand over; then it reads
   * again, and a sweeper that did not see the run begin never trusts what it is handed.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void files_handed_over_are_deleted_without_reading_them_back_once_caught_up(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      List<String> reads = new CopyOnWriteArrayList<>();
      Store store = new Store();
      FileSweeper sweeper =
          watched(
              dsl,
              store,
              ExecuteListener.onExecuteStart(
                  ctx -> {
                    if (ctx.sql().toLowerCase(Locale.ROOT).startsWith("select")) {
                      reads.add(ctx.sql());
                    }
                  }));
      CallTally tally = new CallTally();

      sweeper.begin(RUN);
      record(dsl, RUN, "attachments", 0, 300);
      record(dsl, OTHER, "attachments", 0, 10);
      record(dsl, RUN, "attachments", 300, 400);
      store.refused.add("attachments/42");
      assertThat(sweeper.sweep(RUN, tally, Optional.of(recorded(dsl, 0, 400)))).isEqualTo(1);
      assertThat(reads).isEmpty();

      // recorded without being handed over (as by a statement that returns no keys): read back
      record(dsl, RUN, "attachments", 400, 450);
      assertThat(sweeper.sweep(RUN, tally, Optional.empty())).isEqualTo(1);
      assertThat(reads).hasSize(1);
      record(dsl, RUN, "attachments", 450, 460);
      assertThat(sweeper.sweep(RUN, tally, Optional.of(recorded(dsl, 450, 460)))).isEqualTo(1);
      assertThat(reads).hasSize(1);

      // a sweeper that did not see the run begin reads what is pending
      sweeper.mark();
      record(dsl, RUN, "attachments", 460, 480);
      FileSweeper restarted = sweeper(dsl, store);
      assertThat(restarted.sweep(RUN, tally, Optional.of(recorded(dsl, 470, 480)))).isEqualTo(1);
      assertThat(store.deletions).containsKeys("attachments/460", "attachments/479");

      store.refused.clear();
      assertThat(restarted.drain(RUN, 1, tally)).isZero();
      restarted.mark();
      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(recorded(dsl, OTHER)).hasSize(10);
      assertThat(store.deletions).hasSize(480).doesNotContainKey("other/0");
      // each deleted once, the refused one tried three times (handed, read back, drained)
      assertThat(store.deletions.values().stream().filter(n -> n > 1)).hasSize(1);
      assertThat(store.deletions.get("attachments/42")).isEqualTo(3);
      assertThat(tally.tallies().deletedFiles()).containsExactly(Map.entry("attachments", 480L));
    }
  }

  /**
   * Files handed over behind a page are deleted on a thread of the sweeper's own while the caller
   * goes on; the next call into the sweeper takes in what came of them, on the caller's thread,
   * which writes every deletion and failure: counted, written and retried as if swept at once.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void files_handed_behind_are_deleted_while_the_caller_goes_on_and_taken_in_by_its_next_call(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      Set<String> writers = ConcurrentHashMap.newKeySet();
      Store store = new Store();
      FileSweeper sweeper =
          watched(
              dsl,
              store,
              ExecuteListener.onExecuteStart(ctx -> writers.add(Thread.currentThread().getName())));
      CallTally tally = new CallTally();

      sweeper.begin(RUN);
      record(dsl, RUN, "attachments", 0, 300);
      store.refused.add("attachments/42");
      store.held = "attachments/200";
      sweeper.sweepBehind(RUN, tally, Optional.of(recorded(dsl, 0, 300)));
      // returned while the store still holds a file of the page: nothing taken in yet
      assertThat(store.deletions).hasSizeLessThanOrEqualTo(200);
      assertThat(tally.tallies().deletedFiles()).isEmpty();
      assertThat(writers).isEmpty();

      store.letGo.countDown();
      record(dsl, RUN, "attachments", 300, 400);
      sweeper.sweepBehind(RUN, tally, Optional.of(recorded(dsl, 300, 400)));
      // the first page's files taken in: counted, the refused one's failure written
      assertThat(tally.tallies().deletedFiles()).containsExactly(Map.entry("attachments", 299L));
      assertThat(attempts(dsl, "attachments/42")).isEqualTo(1);

      store.refused.clear();
      assertThat(sweeper.drain(RUN, 1, tally)).isZero();
      sweeper.mark();
      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(store.deletions).hasSize(400);
      assertThat(store.deletions.get("attachments/42")).isEqualTo(2);
      assertThat(store.deletions.values().stream().filter(n -> n > 1)).hasSize(1);
      assertThat(tally.tallies().deletedFiles()).containsExactly(Map.entry("attachments", 400L));
      String caller = Thread.currentThread().getName();
      assertThat(store.firstThreads.values())
          .as("the threads of the files' first deletions")
          .hasSize(400)
          .doesNotContain(caller);
      assertThat(writers).as("the statements").containsExactly(caller);
    }
  }

  /**
   * Behind the caller as at once, the sweep gives up once a thousand files have failed, and leaves
   * the rest of the page untried for a later sweep.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_store_that_is_down_stops_the_deletions_behind_the_caller(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      DSLContext dsl = state(db);
      Store store = new Store();
      FileSweeper sweeper = sweeper(dsl, store);
      sweeper.begin(RUN);
      store.down = true;
      record(dsl, RUN, "attachments", 0, 1_500);
      sweeper.sweepBehind(RUN, new CallTally(), Optional.of(recorded(dsl, 0, 1_500)));
      sweeper.mark();
      assertThat(store.deletions).hasSize(FileSweeper.MAX_FAILED);
      assertThat(recorded(dsl, RUN)).hasSize(1_500);

      store.down = false;
      CallTally tally = new CallTally();
      assertThat(sweeper.drain(RUN, 1, tally)).isZero();
      sweeper.mark();
      assertThat(recorded(dsl, RUN)).isEmpty();
      assertThat(store.deletions).hasSize(1_500);
      assertThat(store.deletions.get("attachments/0")).isEqualTo(2);
      assertThat(store.deletions.get("attachments/1499")).isEqualTo(1);
      assertThat(tally.tallies().deletedFiles()).containsExactly(Map.entry("attachments", 1_500L));
    }
  }

  /**
   * A run's files written deleted by the sweeper have ids around those of another run's files
   * recorded by a transaction still open, and the run's completion forgets its own files while they
   * are being recorded: neither waits for that transaction nor touches those files.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void marking_never_waits_for_another_runs_files_being_recorded(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind);
        ExecutorService marking = Executors.newSingleThreadExecutor()) {
      DSLContext dsl = state(db);
      Store store = new Store();
      FileSweeper sweeper = sweeper(dsl, store);
      RunStore runs = new RunStore(dsl, 100);
      try (Connection other = db.dataSource().getConnection()) {
        other.setAutoCommit(false);
        DSLContext open = DSL.using(other, dsl.dialect());

        record(dsl, RUN, "attachments", 0, 3);
        record(open, OTHER, "attachments", 0, 1);
        record(dsl, RUN, "attachments", 3, 6);
        assertThat(sweeper.sweep(RUN, new CallTally(), Optional.empty())).isZero();
        // by ids around the other run's file
        marking.submit(sweeper::mark).get(20, TimeUnit.SECONDS);

        record(dsl, RUN, "attachments", 6, 9);
        record(open, OTHER, "attachments", 1, 2);
        record(dsl, RUN, "attachments", 9, 12);
        assertThat(sweeper.sweep(RUN, new CallTally(), Optional.empty())).isZero();
        DeletedFiles last = sweeper.handOver(RUN);
        assertThat(last.count()).isEqualTo(6);
        marking
            .submit(() -> runs.completion().complete(RUN, "{}", Clock.systemUTC().instant(), 0, 12))
            .get(20, TimeUnit.SECONDS);
        sweeper.marked();
        other.commit();
      }

      assertThat(dsl.fetchCount(DSL.table("lethe_run_files"), DSL.field("run_id").eq(RUN)))
          .as("the completed run's file keys forgotten")
          .isZero();
      assertThat(recorded(dsl, OTHER)).containsExactly("other/0", "other/1");
      assertThat(runs.find(RUN).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  private static FileSweeper sweeper(DSLContext dsl, Store store) {
    return new FileSweeper(new RunStore(dsl, 100).files(), store);
  }

  /** A sweeper whose statements {@code listener} sees. */
  private static FileSweeper watched(DSLContext dsl, Store store, ExecuteListener listener) {
    DSLContext watched = dsl.configuration().derive(listener).dsl();
    return new FileSweeper(new RunStore(watched, 100).files(), store);
  }

  private static DSLContext state(TestDatabase db) throws Exception {
    Vendor vendor = Vendor.valueOf(db.kind().name());
    RunStore.migrate(db.dataSource(), vendor);
    DSLContext dsl = vendor.dsl(db.dataSource());
    for (String id : List.of(RUN, OTHER)) {
      dsl.insertInto(DSL.table(DSL.name("lethe_runs")))
          .set(DSL.field(DSL.name("id")), id)
          .set(DSL.field(DSL.name("kind")), "erasure")
          .set(DSL.field(DSL.name("scope")), "contact")
          .set(DSL.field(DSL.name("status")), "running")
          .set(DSL.field(DSL.name("datamap_name")), "test")
          .set(DSL.field(DSL.name("datamap_fingerprint")), "0")
          .set(DSL.field(DSL.name("subject_hashes")), "[]")
          .set(DSL.field(DSL.name("params")), "{}")
          .set(
              DSL.field(DSL.name("created_at"), SQLDataType.LOCALDATETIME),
              java.time.LocalDateTime.now())
          .execute();
    }
    return dsl;
  }

  /** Records the files {@code entity/from} to {@code entity/(to - 1)} for {@code run}. */
  private static void record(DSLContext dsl, String run, String entity, int from, int to) {
    String prefix = run.equals(RUN) ? entity : "other";
    for (int start = from; start < to; start += 500) {
      var insert =
          dsl.insertInto(
              DSL.table(DSL.name("lethe_run_files")),
              DSL.field(DSL.name("run_id")),
              DSL.field(DSL.name("entity")),
              DSL.field(DSL.name("file_key")));
      for (int i = start; i < Math.min(to, start + 500); i++) {
        insert = insert.values(run, entity, prefix + "/" + i);
      }
      insert.execute();
    }
  }

  /** The files {@code attachments/from} to {@code attachments/(to - 1)} of the run, as recorded. */
  private static List<FileQueue.PendingFile> recorded(DSLContext dsl, int from, int to) {
    return recorded(dsl, "attachments", from, to);
  }

  /** The files {@code entity/from} to {@code entity/(to - 1)} of the run, as recorded. */
  private static List<FileQueue.PendingFile> recorded(
      DSLContext dsl, String entity, int from, int to) {
    Set<String> keys = new HashSet<>();
    for (int i = from; i < to; i++) {
      keys.add(entity + "/" + i);
    }
    return dsl.select(
            DSL.field(DSL.name("id"), Long.class),
            DSL.field(DSL.name("entity"), String.class),
            DSL.field(DSL.name("file_key"), String.class))
        .from(DSL.table(DSL.name("lethe_run_files")))
        .where(DSL.field(DSL.name("run_id")).eq(RUN))
        .and(DSL.field(DSL.name("file_key"), String.class).in(keys))
        .orderBy(DSL.field(DSL.name("id")))
        .fetch(r -> new FileQueue.PendingFile(r.value1(), r.value2(), r.value3(), 0));
  }

  /** {@code files}, as deleted from the store. */
  private static DeletedFiles deleted(List<FileQueue.PendingFile> files) {
    return new DeletedFiles(
        files.stream().map(f -> new DeletedFiles.File(f.id(), f.entity())).toList());
  }

  /** How many times the run's file {@code key} was tried, as written in its row. */
  private static int attempts(DSLContext dsl, String key) {
    return dsl.select(DSL.field(DSL.name("attempts"), Integer.class))
        .from(DSL.table(DSL.name("lethe_run_files")))
        .where(DSL.field(DSL.name("run_id")).eq(RUN))
        .and(DSL.field(DSL.name("file_key")).eq(key))
        .fetchSingle(0, Integer.class);
  }

  /** The keys of the run's files still recorded: not deleted, or not written so. */
  private static List<String> recorded(DSLContext dsl, String run) {
    return dsl.select(DSL.field(DSL.name("file_key"), String.class))
        .from(DSL.table(DSL.name("lethe_run_files")))
        .where(DSL.field(DSL.name("run_id")).eq(run))
        .fetch(0, String.class);
  }
}
