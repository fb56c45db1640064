package dev.lethe.server.status;

import dev.lethe.core.receipt.EntityOutcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.request.DeletionRequest;
import java.util.List;

/**
 * What the public status page shows of a request: its state, dates and the receipt's counts. No
 * identity, workspace or run id: anyone holding the code may read it.
 *
 * @param completedAt ISO-8601, or null while the request is not completed
 */
record RequestStatus(
    String confirmationCode,
    String state,
    String receivedAt,
    String completedAt,
    List<Deleted> deleted,
    List<Retained> retained,
    long held) {

  /** Rows of one kind of data deleted (or anonymized so that nothing of the person is left). */
  record Deleted(String entity, long deleted, long anonymized) {}

  /** Rows kept because the law requires it, anonymized, until the given date. */
  record Retained(String entity, long rows, String basis, String until) {}

  static RequestStatus of(DeletionRequest request) {
    Receipt receipt = request.receiptJson().map(ReceiptJson::read).orElse(null);
    if (receipt == null) {
      return new RequestStatus(
          request.confirmationCode(),
          request.state().code(),
          request.receivedAt().toString(),
          null,
          List.of(),
          List.of(),
          0);
    }
    List<Deleted> deleted =
        receipt.entities().stream()
            .filter(e -> e.deleted() + e.anonymized() + e.detached() > 0)
            .map(e -> new Deleted(e.entity(), e.deleted() + e.detached(), e.anonymized()))
            .toList();
    List<Retained> retained =
        receipt.entities().stream()
            .filter(e -> e.retained() > 0)
            .map(RequestStatus::retained)
            .toList();
    long held = receipt.entities().stream().mapToLong(EntityOutcome::held).sum();
    return new RequestStatus(
        request.confirmationCode(),
        request.state().code(),
        request.receivedAt().toString(),
        receipt.finishedAt().toString(),
        deleted,
        retained,
        held);
  }

  private static Retained retained(EntityOutcome e) {
    return new Retained(
        e.entity(),
        e.retained(),
        e.retentionBasis(),
        e.retainedUntil() == null ? null : e.retainedUntil().toString());
  }
}
