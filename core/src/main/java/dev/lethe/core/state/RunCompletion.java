package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.sql.ChainTemplates;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * A run's completion: its receipt stored, its sealed identities, roots and counts dropped (the
 * receipt holds the counts), and the keys it recorded of the rows it updated and of the files it
 * deleted forgotten (a file's key may name the subject), in the completion's round trip when they
 * are few, else in pages after it ({@link ForgottenRows}). On PostgreSQL the completion is sent
 * from its shape's template.
 */
public final class RunCompletion {

  private final OwnRows own;
  private final ForgottenRows forgettingUpdates;
  private final ForgottenRows forgettingFiles;
  private final ChainTemplates templates = new ChainTemplates();

  RunCompletion(OwnRows own, long targetMillis) {
    this.own = own;
    this.forgettingUpdates = ForgottenRows.updates(own, targetMillis);
    this.forgettingFiles = ForgottenRows.files(own, targetMillis);
  }

  /**
   * Completes the run: stores the receipt and forgets the sealed identities, in one round trip. The
   * keys it recorded of the rows it updated and of the files it deleted, of numbers the caller does
   * not know, are then deleted in pages ({@link ForgottenRows}).
   */
  public void complete(String id, String receipt, Instant now) {
    complete(id, receipt, now, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * Completes the run as {@link #complete(String, String, Instant)} does. The keys the run recorded
   * of the rows it updated ({@code recordedUpdates} of them, as the run counted them) and of the
   * files it deleted from the store ({@code recordedFiles}: those whose deletion it has not
   * written, for a run that completes with none pending) are deleted in the same round trip when
   * there are at most {@link #FORGOTTEN_AT_ONCE} of them, else after the completion commits, in
   * pages ({@link ForgottenRows}): the receipt counted them, and a file's key may name the subject.
   */
  public void complete(
      String id, String receipt, Instant now, long recordedUpdates, long recordedFiles) {
    boolean forgetUpdatesNow = recordedUpdates <= FORGOTTEN_AT_ONCE;
    boolean forgetFilesNow = recordedFiles <= FORGOTTEN_AT_ONCE;
    own.transaction(
        tx -> sendCompletion(tx, id, receipt, now, false, forgetUpdatesNow, forgetFilesNow));
    if (!forgetUpdatesNow) {
      forgettingUpdates.run(id);
    }
    if (!forgetFilesNow) {
      forgettingFiles.run(id);
    }
  }

  /**
   * Whether {@link #completeIn} may complete a run that recorded {@code recordedUpdates} keys of
   * updated rows and {@code recordedFiles} files: it forgets them all in its one round trip.
   */
  public static boolean completesAtOnce(long recordedUpdates, long recordedFiles) {
    return recordedUpdates <= FORGOTTEN_AT_ONCE && recordedFiles <= FORGOTTEN_AT_ONCE;
  }

  /** The most keys of each kind a completion forgets in its own round trip. */
  public static final int FORGOTTEN_AT_ONCE = ForgottenRows.FIRST_PAGE;

  /**
   * Completes a run whose only batch is the caller's transaction {@code tx}, in one round trip: its
   * receipt stored, its sealed identities dropped, its batch counted, and the keys it recorded of
   * the rows it updated ({@code forgetUpdates}) and of its files ({@code forgetFiles}) forgotten.
   * No counts and no roots are written for such a run: its receipt holds the counts, and its roots
   * are only stored when its page commits without completing it (then to resume from). For a run
   * whose only page commits in the same transaction, {@link #completesAtOnce} true of what it
   * recorded.
   */
  public void completeIn(
      DSLContext tx,
      String id,
      String receipt,
      Instant now,
      boolean forgetUpdates,
      boolean forgetFiles) {
    sendCompletion(tx, id, receipt, now, true, forgetUpdates, forgetFiles);
  }

  /** Sends the completion's statements ({@link #completeQueries}) in one round trip. */
  private void sendCompletion(
      DSLContext tx,
      String id,
      String receipt,
      Instant now,
      boolean oneBatch,
      boolean forgetUpdates,
      boolean forgetFiles) {
    String name = oneBatch ? "completion of its only batch" : "completion";
    templates.execute(
        tx,
        List.of(name, forgetUpdates, forgetFiles),
        List.of(id, receipt, RunStore.utc(now)),
        values ->
            new ChainTemplates.Built<>(
                completeQueries(tx, values, oneBatch, forgetUpdates, forgetFiles), name));
  }

  /**
   * The statements of a run's completion, from {@code values}: the run's id, its receipt and the
   * time. {@code oneBatch}: the run's only batch ends with it (counted here; it wrote no counts and
   * no roots); otherwise its roots and the counts its batches wrote are forgotten: the receipt
   * holds the counts.
   */
  private static List<Query> completeQueries(
      DSLContext tx, List<?> values, boolean oneBatch, boolean forgetUpdates, boolean forgetFiles) {
    String id = (String) values.get(0);
    LocalDateTime now = (LocalDateTime) values.get(2);
    List<Query> queries = new ArrayList<>();
    var update =
        tx.update(RUNS)
            .set(RUN_STATUS, RunStatus.COMPLETED.code())
            .set(RUN_RECEIPT, (String) values.get(1))
            .set(RUN_SUBJECT_SEALED, (String) null)
            .set(RUN_FINISHED, now)
            .set(RUN_ERROR, (String) null)
            .set(RUN_VERSION, RUN_VERSION.plus(1));
    queries.add(
        (oneBatch ? update.set(RUN_BATCHES, RUN_BATCHES.plus(1)) : update).where(RUN_ID.eq(id)));
    if (!oneBatch) {
      queries.add(tx.deleteFrom(ROOTS).where(ROOT_RUN.eq(id)));
      queries.add(tx.deleteFrom(COUNTS).where(COUNT_RUN.eq(id)));
    }
    if (forgetUpdates) {
      queries.add(tx.deleteFrom(UPDATED).where(UPD_RUN.eq(id)));
    }
    if (forgetFiles) {
      queries.add(OwnRows.deleteFiles(tx, id));
    }
    return queries;
  }

  /**
   * Deletes what completed runs left recorded of the rows they updated and the files they deleted:
   * a process that stopped between a run's completion and deleting them, or runs completed before
   * their files' keys were forgotten.
   */
  public void forgetCompletedRuns() {
    forgettingUpdates.completedRuns();
    forgettingFiles.completedRuns();
  }
}
