package dev.lethe.core.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request as stored. The subject appears only as keyed hashes; the identities themselves are
 * sealed in a separate table while the request is open ({@code identitiesSealed}) and deleted when
 * it ends.
 *
 * @param matchKey what duplicates share: type, scope, workspace, the set of identity hashes and the
 *     parameters, digested
 * @param heldFrom the state a hold was placed on, which its release returns to
 * @param graceEndsAt set when the grace period starts
 * @param deadline its due dates; empty only for requests stored before due dates were kept
 * @param acknowledgedAt when the person was told the request is received
 * @param version raised by every state change; updates check it
 */
public record DeletionRequest(
    UUID id,
    String confirmationCode,
    RequestType type,
    String scope,
    Optional<String> workspace,
    Map<String, String> params,
    String jurisdiction,
    RequestSource source,
    RequestState state,
    Optional<RequestState> heldFrom,
    Instant receivedAt,
    Instant updatedAt,
    boolean verificationRequired,
    Optional<Duration> gracePeriod,
    Optional<Instant> graceEndsAt,
    List<String> identityHashes,
    String matchKey,
    boolean identitiesSealed,
    Optional<String> runId,
    Optional<String> receiptJson,
    Optional<String> rejectionReason,
    List<String> holdIds,
    Optional<Deadline> deadline,
    Optional<Instant> acknowledgedAt,
    long version) {

  public DeletionRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(confirmationCode, "confirmationCode");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(matchKey, "matchKey");
    workspace = workspace == null ? Optional.empty() : workspace;
    params = Map.copyOf(params == null ? Map.of() : params);
    heldFrom = heldFrom == null ? Optional.empty() : heldFrom;
    gracePeriod = gracePeriod == null ? Optional.empty() : gracePeriod;
    graceEndsAt = graceEndsAt == null ? Optional.empty() : graceEndsAt;
    identityHashes = List.copyOf(identityHashes == null ? List.of() : identityHashes);
    runId = runId == null ? Optional.empty() : runId;
    receiptJson = receiptJson == null ? Optional.empty() : receiptJson;
    rejectionReason = rejectionReason == null ? Optional.empty() : rejectionReason;
    holdIds = List.copyOf(holdIds == null ? List.of() : holdIds);
    deadline = deadline == null ? Optional.empty() : deadline;
    acknowledgedAt = acknowledgedAt == null ? Optional.empty() : acknowledgedAt;
    if (state == RequestState.ON_HOLD && (heldFrom.isEmpty() || holdIds.isEmpty())) {
      throw new IllegalArgumentException("a request on hold names its holds and its prior state");
    }
  }

  public boolean isOpen() {
    return state.isOpen();
  }

  /** Open, and its completion date has come. */
  public boolean isOverdue(Instant now) {
    return isOpen() && deadline.filter(d -> d.isPast(now)).isPresent();
  }

  /** Not acknowledged, and its acknowledgement date has come. */
  public boolean isAcknowledgementOverdue(Instant now) {
    return acknowledgedAt.isEmpty()
        && deadline.flatMap(Deadline::acknowledgeBy).filter(by -> !now.isBefore(by)).isPresent();
  }
}
