package dev.lethe.server.api.holds;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lethe.core.hold.Hold;
import dev.lethe.core.hold.LegalHold;
import java.time.Instant;
import java.util.List;

/**
 * A hold as the API shows it. An identity hold shows the identity's kind only: the value is kept
 * nowhere, just its keyed hash.
 *
 * @param resumedRequests on lifting: the requests that went on
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record HoldView(
    String id,
    String target,
    String workspace,
    String identityKind,
    String entity,
    String key,
    String reason,
    String reference,
    Instant placedAt,
    String placedBy,
    Instant expiresAt,
    Instant liftedAt,
    String liftedBy,
    String liftNote,
    boolean active,
    List<String> resumedRequests) {

  static HoldView of(Hold h, List<String> resumed, Instant now) {
    String target;
    String workspace = null;
    String kind = null;
    String entity = null;
    String key = null;
    switch (h.target()) {
      case LegalHold.Tenant t -> {
        target = "workspace";
        workspace = t.tenant();
      }
      case LegalHold.OnIdentity i -> {
        target = "identity";
        kind = i.kind().code();
      }
      case LegalHold.Row r -> {
        target = "entity";
        entity = r.entity();
        key = r.key();
      }
    }
    return new HoldView(
        h.id(),
        target,
        workspace,
        kind,
        entity,
        key,
        h.reason(),
        h.reference().orElse(null),
        h.placedAt(),
        h.placedBy().code(),
        h.expiresAt().orElse(null),
        h.liftedAt().orElse(null),
        h.liftedBy().map(a -> a.code()).orElse(null),
        h.liftNote().orElse(null),
        h.active(now),
        resumed);
  }
}
