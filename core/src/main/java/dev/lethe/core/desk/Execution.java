package dev.lethe.core.desk;

import dev.lethe.core.Lethe;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.receipt.EntityOutcome;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.Requests;
import dev.lethe.core.sql.TimeOrderedIds;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a request through the engine: received → scheduled (after its grace period) → running
 * (the run id stored before anything is deleted) → verifying → receipt in the ledger → completed,
 * and the confirmation mail queued. When legal holds kept rows, the request waits on them instead
 * (with the run's receipt) and runs again for the rest once they are lifted. Run again after a
 * failure, it resumes the same run from its last checkpoint.
 */
final class Execution {

  private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

  private final DeskParts parts;
  private final Requests requests;
  private final Lethe lethe;

  Execution(DeskParts parts) {
    this.parts = parts;
    this.requests = parts.requests();
    this.lethe = parts.lethe();
  }

  Optional<Instant> execute(UUID id) {
    DeletionRequest request = requests.get(id);
    Instant now = parts.clock().instant();
    if (request.state() == RequestState.RECEIVED && request.gracePeriod().isPresent()) {
      request = requests.startGracePeriod(id, Actor.system());
    }
    if (request.state() == RequestState.GRACE_PERIOD) {
      Instant ends = request.graceEndsAt().orElse(now);
      if (now.isBefore(ends)) {
        return Optional.of(ends);
      }
    }
    if (request.state() == RequestState.RECEIVED || request.state() == RequestState.GRACE_PERIOD) {
      request = requests.schedule(id, Actor.system());
    }
    if (!isExecutable(request.state())) {
      LOG.info("request {} is {}: nothing to execute", id, request.state().code());
      return Optional.empty();
    }
    List<LegalHold> holds = parts.holds().get();
    String runId = claimRun(request);
    Receipt receipt;
    try {
      receipt =
          lethe.findRun(runId).isEmpty()
              ? lethe.erase(requests.erasureRequest(id), holds, runId)
              : lethe.run(runId, holds);
    } catch (RuntimeException e) {
      requests.fail(
          id, "run " + runId + " stopped: " + e.getClass().getSimpleName(), Actor.system());
      throw e;
    }
    if (requests.get(id).state() == RequestState.RUNNING) {
      requests.markVerifying(id, Actor.system());
    }
    finish(id, stamped(receipt));
    return Optional.empty();
  }

  /**
   * The run the request is executed by, marked on the request before the run exists: a new id for a
   * scheduled request, the stored one for a request that is running or failed. Planned after this,
   * a run is never left without a request that names it, so its sealed identities go with the
   * request.
   */
  private String claimRun(DeletionRequest request) {
    if (request.state() == RequestState.SCHEDULED || request.runId().isEmpty()) {
      String runId = TimeOrderedIds.next().toString();
      requests.markRunning(request.id(), runId, Actor.system());
      return runId;
    }
    String runId = request.runId().get();
    if (request.state() == RequestState.FAILED) {
      requests.markRunning(request.id(), runId, Actor.system());
    }
    return runId;
  }

  private void finish(UUID id, Receipt receipt) {
    if (parts.receipts().record(id, receipt)) {
      parts.finished().accept(receipt);
    }
    String json = ReceiptJson.write(receipt);
    List<String> holdIds = holdsOf(receipt);
    if (!holdIds.isEmpty()) {
      requests.holdAfterRun(id, holdIds, json, Actor.system());
      LOG.info("request {} waits on {} hold(s) after run {}", id, holdIds.size(), receipt.runId());
      return;
    }
    requests.complete(id, json, Actor.system());
    parts.verifications().discard(id);
    if (requests.contact(id).isPresent()) {
      parts.work().mail(id, MailKind.CONFIRMATION);
    }
    LOG.info(
        "request {} completed by run {}: {} rows deleted",
        id,
        receipt.runId(),
        receipt.total(Outcome.DELETED));
  }

  /** The receipt, with the date by which backups no longer hold the data. */
  private Receipt stamped(Receipt receipt) {
    return receipt.withBackupsClearedBy(
        receipt.finishedAt().plus(parts.settings().get().backupRetention()));
  }

  private static List<String> holdsOf(Receipt receipt) {
    Set<String> ids = new LinkedHashSet<>();
    for (EntityOutcome e : receipt.entities()) {
      if (e.held() > 0) {
        ids.addAll(e.holds());
      }
    }
    return List.copyOf(ids);
  }

  private static boolean isExecutable(RequestState state) {
    return switch (state) {
      case SCHEDULED, RUNNING, VERIFYING, FAILED -> true;
      default -> false;
    };
  }
}
