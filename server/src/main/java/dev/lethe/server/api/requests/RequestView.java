package dev.lethe.server.api.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Deadline;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestEvent;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request as the API shows it: its state, dates, due dates and, when asked for one request, its
 * events and receipt. The person's identities are never shown.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RequestView(
    UUID id,
    String confirmationCode,
    URI statusUrl,
    String type,
    String scope,
    String workspace,
    Map<String, String> params,
    String jurisdiction,
    String source,
    String state,
    Instant receivedAt,
    Instant updatedAt,
    Instant acknowledgedAt,
    Due due,
    boolean verificationRequired,
    Instant graceEndsAt,
    String rejectionReason,
    List<String> holds,
    List<Event> events,
    Outcome outcome) {

  /** When the request must be acknowledged and completed, and whether it is late. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Due(
      Instant acknowledgeBy,
      Instant completeBy,
      String rule,
      boolean overdue,
      boolean acknowledgementOverdue) {}

  /** One step of the request's life. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Event(Instant at, String actor, String from, String to, String note) {}

  /** What the request's runs did, added up, and each run's receipt as it is in the ledger. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Outcome(
      List<ReceiptSummary.Line> entities,
      Instant finishedAt,
      Instant backupsClearedBy,
      boolean verified,
      List<Receipt> receipts) {}

  static RequestView of(DeletionRequest r, URI statusUrl, Instant now) {
    return new RequestView(
        r.id(),
        r.confirmationCode(),
        statusUrl,
        r.type().code(),
        r.scope(),
        r.workspace().orElse(null),
        r.params(),
        r.jurisdiction(),
        r.source().code(),
        r.state().code(),
        r.receivedAt(),
        r.updatedAt(),
        r.acknowledgedAt().orElse(null),
        r.deadline().map(d -> due(r, d, now)).orElse(null),
        r.verificationRequired(),
        r.graceEndsAt().orElse(null),
        r.rejectionReason().orElse(null),
        r.holdIds(),
        null,
        null);
  }

  private static Due due(DeletionRequest r, Deadline d, Instant now) {
    return new Due(
        d.acknowledgeBy().orElse(null),
        d.completeBy(),
        d.completeRule(),
        r.isOverdue(now),
        r.isAcknowledgementOverdue(now));
  }

  RequestView withHistory(List<RequestEvent> history, List<Receipt> receipts) {
    List<Event> steps =
        history.stream()
            .map(
                e ->
                    new Event(
                        e.at(),
                        e.actor().code(),
                        e.from().map(s -> s.code()).orElse(null),
                        e.to().code(),
                        e.note().orElse(null)))
            .toList();
    Outcome outcome = null;
    if (!receipts.isEmpty()) {
      ReceiptSummary summary = ReceiptSummary.of(receipts);
      outcome =
          new Outcome(
              summary.lines(),
              summary.finishedAt().orElse(null),
              summary.backupsClearedBy().orElse(null),
              summary.verified(),
              receipts);
    }
    return new RequestView(
        id,
        confirmationCode,
        statusUrl,
        type,
        scope,
        workspace,
        params,
        jurisdiction,
        source,
        state,
        receivedAt,
        updatedAt,
        acknowledgedAt,
        due,
        verificationRequired,
        graceEndsAt,
        rejectionReason,
        holds,
        steps,
        outcome);
  }
}
