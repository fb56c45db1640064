package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.sql.KeyList;
import dev.lethe.core.sql.Together;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * The files whose rows a run deleted, waiting until the file store confirms their deletion: then
 * their keys are deleted and they are counted in the run's counts, together.
 */
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
        .and(which)
        .orderBy(FILE_ID)
        .limit(limit)
        .forEach(r -> files.add(new PendingFile(r.value1(), r.value2(), r.value3(), r.value4())));
    return files;
  }

  /** How many files of the run are still recorded: not confirmed deleted, or not written so. */
  public int recorded(String runId) {
    return dsl.fetchCount(FILES, FILE_RUN.eq(runId));
  }

  /**
   * Writes that {@code deleted}, files of run {@code runId}, are deleted from the store: deletes
   * their keys and adds them to the run's count of deleted files, in transactions of at most
   * {@value #MARKS_PER_TRANSACTION} files (each run again if it deadlocks). A crash between them
   * leaves the rest recorded: those files are deleted again, found gone, and counted then.
   */
  public void filesDeleted(String runId, DeletedFiles deleted) {
    for (DeletedFiles group : deleted.inGroupsOf(MARKS_PER_TRANSACTION)) {
      DeletedFiles left = group;
      while (!left.isEmpty()) {
        try {
          DeletedFiles these = left;
          own.transaction(tx -> write(tx, runId, these));
          break;
        } catch (WrittenElsewhere e) {
          left = stillRecorded(runId, left);
        }
      }
    }
  }

  /**
   * Writes the deletion of {@code deleted}, files of run {@code runId}, inside the caller's
   * transaction, in one round trip ({@link #filesDeletedQueries}). A file is counted by the
   * transaction that deletes its key, once: when the keys' delete finds fewer keys than there are
   * files, another process sweeping the same run wrote some of them first, and this throws {@link
   * WrittenElsewhere} before the caller commits, for it to roll back and write only the files still
   * recorded ({@link #stillRecorded}).
   */
  public static void write(DSLContext tx, String runId, DeletedFiles deleted) {
    if (deleted.isEmpty()) {
      return;
    }
    int keys = Together.execute(tx, filesDeletedQueries(tx, runId, deleted))[0];
    if (keys != deleted.count()) {
      throw new WrittenElsewhere(deleted.count(), keys);
    }
  }

  /**
   * Some of the files a transaction was writing deleted had been written so by another process
   * sweeping the same run: the transaction must roll back, or count them twice.
   */
  public static final class WrittenElsewhere extends RuntimeException {
    WrittenElsewhere(int files, int keys) {
      super(keys + " keys of " + files + " files deleted: the others were written elsewhere");
    }
  }

  /**
   * Those of {@code deleted}, files of run {@code runId}, whose keys are still recorded, after
   * {@link WrittenElsewhere}: the others were written deleted by another process. Each once: a file
   * twice among them would have made the keys' delete find fewer too.
   *
   * @throws IllegalStateException if every one is still there, once: then it was not that
   */
  public DeletedFiles stillRecorded(String runId, DeletedFiles deleted) {
    Set<Long> recorded = new HashSet<>();
    pendingFiles(runId, deleted.ids()).forEach(file -> recorded.add(file.id()));
    Map<Long, DeletedFiles.File> still = new LinkedHashMap<>();
    for (DeletedFiles.File file : deleted.files()) {
      if (recorded.contains(file.id())) {
        still.putIfAbsent(file.id(), file);
      }
    }
    if (still.size() == deleted.count()) {
      throw new IllegalStateException(
          "the keys' delete missed files still recorded (" + deleted.count() + ")");
    }
    return new DeletedFiles(List.copyOf(still.values()));
  }

  /**
   * The most files whose deletion one transaction writes: 10,000 took 270 ms on MariaDB at {@code
   * medium}, longer than a transaction may hold its row locks.
   */
  public static final int MARKS_PER_TRANSACTION = 2_000;

  /**
   * The statements that write the deletion of {@code deleted}, files of run {@code runId}, inside
   * the caller's transaction: their keys deleted by their ids ({@link
   * OwnRows#deleteFiles(DSLContext, String, org.jooq.Condition)}), and their count added, one
   * upsert; none if there are none.
   */
  private static List<Query> filesDeletedQueries(
      DSLContext tx, String runId, DeletedFiles deleted) {
    if (deleted.isEmpty()) {
      return List.of();
    }
    return List.of(
        OwnRows.deleteFiles(tx, runId, KeyList.among(FILE_ID_KEY, deleted.ids())),
        BatchRecords.addCountsQuery(tx, runId, FILES_DELETED, deleted.byEntity()));
  }

  /** The files' ids, as {@link KeyList} takes keys (as a page's, of no type of their own). */
  @SuppressWarnings("unchecked")
  private static final Field<Object> FILE_ID_KEY = (Field<Object>) (Field<?>) FILE_ID;

  public void fileFailed(long id, String error) {
    dsl.update(FILES)
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .set(FILE_ERROR, error.length() > 250 ? error.substring(0, 250) : error)
        .where(FILE_ID.eq(id))
        .execute();
  }

  /** How many files of each entity the run wrote deleted from the store. */
  public Map<String, Long> deletedFiles(String runId) {
    Map<String, Long> files = new LinkedHashMap<>();
    dsl.select(COUNT_ENTITY, COUNT_ROWS)
        .from(COUNTS)
        .where(COUNT_RUN.eq(runId))
        .and(COUNT_OUTCOME.eq(FILES_DELETED))
        .forEach(r -> files.put(r.value1(), r.value2()));
    return files;
  }
}
