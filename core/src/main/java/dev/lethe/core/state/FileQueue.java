package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.sql.Together;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** The files whose rows a run deleted, waiting until the file store confirms their deletion. */
public final class FileQueue {

  private final DSLContext dsl;
  private final OwnRows own;

  FileQueue(DSLContext dsl, OwnRows own) {
    this.dsl = dsl;
    this.own = own;
  }

  /** A file whose row is gone and which is not yet confirmed deleted from the store. */
  public record PendingFile(long id, String entity, String key, int attempts) {}

  /** Files still pending with an id above {@code after}, in id order. */
  public List<PendingFile> pendingFiles(String runId, long after, int limit) {
    return pending(runId, FILE_ID.gt(after), limit);
  }

  /** Which of the files {@code ids} are still pending, in id order. */
  public List<PendingFile> pendingFiles(String runId, Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : pending(runId, FILE_ID.in(ids), ids.size());
  }

  private List<PendingFile> pending(String runId, Condition which, int limit) {
    return pending(dsl, runId, which, limit);
  }

  /**
   * The first {@code limit} files of run {@code runId} still pending, in id order, as {@code tx}
   * sees them: the transaction that recorded them, before it commits.
   */
  public static List<PendingFile> pendingIn(DSLContext tx, String runId, int limit) {
    return pending(tx, runId, DSL.noCondition(), limit);
  }

  /**
   * Records {@code files} (their entities and keys; their ids unset) for run {@code runId} inside
   * the caller's transaction: the files of rows a statement deleted without recording them ({@link
   * FileRecords#deleteHoldingFiles}). Returns them as recorded, with their ids, in id order.
   */
  public static List<PendingFile> record(DSLContext tx, String runId, List<PendingFile> files) {
    List<PendingFile> recorded = new ArrayList<>(files.size());
    for (int from = 0; from < files.size(); from += RECORDED_PER_INSERT) {
      var insert = FileRecords.insertFiles(tx);
      for (PendingFile file :
          files.subList(from, Math.min(files.size(), from + RECORDED_PER_INSERT))) {
        insert = insert.values(runId, file.entity(), file.key(), 0);
      }
      insert
          .returningResult(FILE_ID, FILE_ENTITY, FILE_KEY)
          .fetch()
          .forEach(r -> recorded.add(new PendingFile(r.value1(), r.value2(), r.value3(), 0)));
    }
    recorded.sort(Comparator.comparingLong(PendingFile::id));
    return recorded;
  }

  /** The most files one insert of {@link #record} writes. */
  private static final int RECORDED_PER_INSERT = 1_000;

  private static List<PendingFile> pending(
      DSLContext dsl, String runId, Condition which, int limit) {
    List<PendingFile> files = new ArrayList<>();
    dsl.select(FILE_ID, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS)
        .from(FILES)
        .where(FILE_RUN.eq(runId))
        .and(FILE_DELETED.isNull())
        .and(which)
        .orderBy(FILE_ID)
        .limit(limit)
        .forEach(r -> files.add(new PendingFile(r.value1(), r.value2(), r.value3(), r.value4())));
    return files;
  }

  /** How many files of the run are not marked deleted. */
  public int unmarked(String runId) {
    return dsl.fetchCount(FILES, FILE_RUN.eq(runId).and(FILE_DELETED.isNull()));
  }

  /**
   * Marks the files of {@code marks} deleted from the store, one statement a span, in transactions
   * of at most {@value #MARKS_PER_TRANSACTION} files (each run again if it deadlocks: marking a
   * file twice writes the same mark). A crash between them leaves the rest unmarked: those files
   * are deleted again, found gone, and counted as before.
   */
  public void filesDeleted(String runId, FileMarks marks, Instant now) {
    for (List<FileMarks.Span> group : marks.inGroupsOf(MARKS_PER_TRANSACTION)) {
      own.transaction(
          tx ->
              Together.execute(
                  tx,
                  group.stream().map(span -> filesDeletedQuery(tx, runId, span, now)).toList()));
    }
  }

  /**
   * The most files marked in one transaction: 10,000 took 270 ms on MariaDB at {@code medium},
   * longer than a transaction may hold its row locks.
   */
  static final int MARKS_PER_TRANSACTION = 2_000;

  /**
   * The statement marking the files of one span, to run in a batch with others in one of {@link
   * OwnRows}'s transactions.
   */
  private static Query filesDeletedQuery(
      DSLContext dsl, String runId, FileMarks.Span span, Instant now) {
    return dsl.update(OwnRows.filesByPrimaryKey(dsl))
        .set(FILE_DELETED, RunStore.utc(now))
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .where(FILE_RUN.eq(runId))
        .and(FILE_ID.between(span.from(), span.to()))
        .and(FILE_DELETED.isNull());
  }

  public void fileFailed(long id, String error) {
    dsl.update(FILES)
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .set(FILE_ERROR, error.length() > 250 ? error.substring(0, 250) : error)
        .where(FILE_ID.eq(id))
        .execute();
  }

  public Map<String, Long> deletedFiles(String runId) {
    Map<String, Long> files = new LinkedHashMap<>();
    dsl.select(FILE_ENTITY, DSL.count())
        .from(FILES)
        .where(FILE_RUN.eq(runId))
        .and(FILE_DELETED.isNotNull())
        .groupBy(FILE_ENTITY)
        .forEach(r -> files.put(r.value1(), r.value2().longValue()));
    return files;
  }
}
