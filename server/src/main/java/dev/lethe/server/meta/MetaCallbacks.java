package dev.lethe.server.meta;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.meta.InvalidSignedRequestException;
import dev.lethe.core.meta.SignedPayload;
import dev.lethe.core.meta.SignedRequestVerifier;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.Requests;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.execution.ExecutionQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Takes Meta's callbacks in: verifies the signed request, records the request durably (the signed
 * request's fingerprint as idempotency key, so a repeat gets the same code) and, for a
 * data-deletion request, queues it for background execution. Counts every outcome in {@code
 * lethe_meta_callbacks_total}; nothing of a refused request is kept.
 */
@Component
class MetaCallbacks {

  private final SignedRequestVerifier verifier;
  private final Requests requests;
  private final ExecutionQueue queue;
  private final LetheProperties.Meta settings;
  private final MeterRegistry meters;
  private final Clock clock;

  MetaCallbacks(
      SignedRequestVerifier verifier,
      Requests requests,
      ExecutionQueue queue,
      LetheProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.verifier = verifier;
    this.requests = requests;
    this.queue = queue;
    this.settings = properties.meta();
    this.meters = meters;
    this.clock = clock;
  }

  DeletionRequest dataDeletion(String signedRequest) {
    DeletionRequest request = receive("data_deletion", signedRequest, RequestSource.META_CALLBACK);
    queue.enqueue(request.id());
    return request;
  }

  /** Recorded only: Meta sends a data-deletion callback when the person asks for deletion. */
  DeletionRequest deauthorization(String signedRequest) {
    return receive("deauthorize", signedRequest, RequestSource.META_DEAUTHORIZE);
  }

  private DeletionRequest receive(String callback, String signedRequest, RequestSource source) {
    SignedPayload payload;
    try {
      payload = verifier.verify(signedRequest == null ? "" : signedRequest, clock.instant());
      if (payload.isPageRemoval()) {
        throw new PageRemovalNotSupportedException();
      }
    } catch (InvalidSignedRequestException e) {
      count(callback, e.reason().name());
      throw e;
    } catch (PageRemovalNotSupportedException e) {
      count(callback, "page_removal");
      throw e;
    }
    Identity user = new Identity(IdentityKind.META_USER_ID, payload.userId().orElseThrow());
    DeletionRequest request =
        requests.receive(
            NewRequest.erasure(settings.scope(), List.of(user), settings.jurisdiction(), source)
                .withIdempotencyKey(payload.fingerprint()),
            Actor.meta(payload.app()));
    count(callback, "accepted");
    return request;
  }

  private void count(String callback, String outcome) {
    meters
        .counter(
            "lethe.meta.callbacks",
            "callback",
            callback,
            "outcome",
            outcome.toLowerCase(Locale.ROOT))
        .increment();
  }
}
