package dev.lethe.server.execution;

import dev.lethe.core.Lethe;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.Requests;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one request through the engine: scheduled → running (run id stored before anything is
 * executed) → verifying → receipt appended to the ledger → completed. Run again after a failure, it
 * resumes the same run, which continues from its last checkpoint.
 */
final class RequestExecution {

  private static final Logger LOG = LoggerFactory.getLogger(RequestExecution.class);

  /** The ledger entry type of an erasure's receipt. */
  static final String RECEIPT_ENTRY = "erasure-receipt";

  private final Lethe lethe;
  private final Requests requests;
  private final Ledger ledger;

  RequestExecution(Lethe lethe, Requests requests, Ledger ledger) {
    this.lethe = lethe;
    this.requests = requests;
    this.ledger = ledger;
  }

  void execute(UUID id) {
    DeletionRequest request = requests.get(id);
    if (request.state() == RequestState.RECEIVED) {
      request = requests.schedule(id, Actor.system());
    }
    if (!isExecutable(request.state())) {
      LOG.info("request {} is {}: nothing to execute", id, request.state().code());
      return;
    }
    String runId =
        request
            .runId()
            .orElseGet(() -> lethe.start(lethe.plan(requests.erasureRequest(id), List.of())));
    if (request.state() == RequestState.SCHEDULED || request.state() == RequestState.FAILED) {
      request = requests.markRunning(id, runId, Actor.system());
    }
    Receipt receipt;
    try {
      receipt = lethe.run(runId, List.of());
    } catch (RuntimeException e) {
      requests.fail(
          id, "run " + runId + " stopped: " + e.getClass().getSimpleName(), Actor.system());
      throw e;
    }
    if (request.state() == RequestState.RUNNING) {
      requests.markVerifying(id, Actor.system());
    }
    String receiptJson = ReceiptJson.write(receipt);
    // Into the ledger first, once: a retry after a failure to complete finds the entry there.
    if (ledger.byReference(id.toString()).isEmpty()) {
      ledger.append(RECEIPT_ENTRY, id.toString(), receiptJson);
    }
    requests.complete(id, receiptJson, Actor.system());
    LOG.info("request {} completed by run {}", id, runId);
  }

  private static boolean isExecutable(RequestState state) {
    return switch (state) {
      case SCHEDULED, RUNNING, VERIFYING, FAILED -> true;
      default -> false;
    };
  }
}
