package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** The files whose rows a run deleted, waiting until the file store confirms their deletion. */
public final class FileQueue {

  private final DSLContext dsl;

  public FileQueue(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A file whose row is gone and which is not yet confirmed deleted from the store. */
  public record PendingFile(long id, String entity, String key, int attempts) {}

  /**
   * Files still pending, except {@code deleted}: files deleted from the store whose marks have not
   * been written yet.
   */
  public List<PendingFile> pendingFiles(String runId, Collection<Long> deleted, int limit) {
    List<PendingFile> files = new ArrayList<>();
    dsl.select(FILE_ID, FILE_ENTITY, FILE_KEY, FILE_ATTEMPTS)
        .from(FILES)
        .where(FILE_RUN.eq(runId))
        .and(FILE_DELETED.isNull())
        .and(deleted.isEmpty() ? DSL.noCondition() : FILE_ID.notIn(deleted))
        .orderBy(FILE_ID)
        .limit(limit)
        .forEach(r -> files.add(new PendingFile(r.value1(), r.value2(), r.value3(), r.value4())));
    return files;
  }

  /** Marks files deleted from the store, all in one statement. */
  public void filesDeleted(Collection<Long> ids, Instant now) {
    if (!ids.isEmpty()) {
      filesDeletedQuery(dsl, ids, now).execute();
    }
  }

  /** The statement of {@link #filesDeleted}, to run in a batch with others. */
  static Query filesDeletedQuery(DSLContext dsl, Collection<Long> ids, Instant now) {
    return dsl.update(FILES)
        .set(FILE_DELETED, RunStore.utc(now))
        .set(FILE_ATTEMPTS, FILE_ATTEMPTS.plus(1))
        .where(FILE_ID.in(ids));
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
