package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.ScopeCounter;
import dev.lethe.core.state.RunTallies;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Completes a new run in the transaction of its only page, so that a small subject's erasure (a
 * contact, a user) commits once: its run, its deletes, the verification's recount and the receipt
 * together. A crash before that commit leaves nothing of the run, as before its first change: the
 * request is erased again.
 */
public interface Closing {

  /**
   * The statement that counts again what is left of the subject below {@code keys} of {@code tree},
   * the run's roots, built in {@code tx}: on PostgreSQL it goes with the page's statements, after
   * them, and {@link #close} reads its row instead of sending it on its own. Empty: {@link #close}
   * counts.
   */
  Optional<ScopeCounter.TreeCount> recount(DSLContext tx, Node tree, List<?> keys);

  /**
   * Called in the page's transaction after its statements, and after the files they recorded were
   * deleted from the store: verifies the run and, if nothing of the subject is left, completes it
   * through {@code tx}, ending its batch with the completion, and returns true. False leaves the
   * page to end its batch and commit as any other, and the run to complete as any other (a
   * verification that fails is reported there).
   *
   * @param tallies everything the run did, this page and its files included: the receipt's counts
   *     ({@link dev.lethe.core.state.RunCompletion#completeIn} writes no others)
   * @param filesRecorded whether the page recorded files' keys, for the completion to forget
   * @param recounted what the page's {@link #recount} read, when it sent one
   */
  boolean close(
      DSLContext tx,
      RunTallies tallies,
      boolean filesRecorded,
      Optional<ScopeCounter.Recounted> recounted);
}
