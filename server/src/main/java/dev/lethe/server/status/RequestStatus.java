package dev.lethe.server.status;

import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Deadline;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestState;
import java.util.List;

/**
 * What the public status page shows of a request: its state, dates, what its runs deleted, what is
 * kept and why until when, what is held, and when backups no longer hold the data. No identity,
 * workspace or run id: anyone holding the code may read it.
 *
 * @param completedAt ISO-8601, or null while the request is not completed
 * @param dueBy when it will be done at the latest, while it is open
 * @param rejectionReason why it was refused, when it was
 * @param backupsClearedBy by when backups no longer hold the deleted data
 */
record RequestStatus(
    String confirmationCode,
    String state,
    String receivedAt,
    String completedAt,
    String dueBy,
    String rejectionReason,
    List<Deleted> deleted,
    List<Retained> retained,
    long held,
    String backupsClearedBy) {

  /** Rows of one kind of data deleted (or anonymized so that nothing of the person is left). */
  record Deleted(String entity, long deleted, long anonymized) {}

  /** Rows kept because the law requires it, anonymized, until the given date. */
  record Retained(String entity, long rows, String basis, String until) {}

  static RequestStatus of(DeletionRequest request, ReceiptSummary summary) {
    boolean completed = request.state() == RequestState.COMPLETED;
    return new RequestStatus(
        request.confirmationCode(),
        request.state().code(),
        request.receivedAt().toString(),
        completed ? summary.finishedAt().map(Object::toString).orElse(null) : null,
        request.isOpen()
            ? request.deadline().map(Deadline::completeBy).map(Object::toString).orElse(null)
            : null,
        request.rejectionReason().orElse(null),
        summary.lines().stream()
            .filter(l -> l.deleted() + l.anonymized() > 0)
            .map(l -> new Deleted(l.entity(), l.deleted(), l.anonymized()))
            .toList(),
        summary.lines().stream()
            .filter(l -> l.retained() > 0)
            .map(
                l ->
                    new Retained(
                        l.entity(),
                        l.retained(),
                        l.retentionBasis(),
                        l.retainedUntil() == null ? null : l.retainedUntil().toString()))
            .toList(),
        summary.total(Outcome.HELD),
        summary.backupsClearedBy().map(Object::toString).orElse(null));
  }
}
