package dev.lethe.server.meta;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.meta.InvalidSignedRequestException;
import dev.lethe.core.meta.SignedPayload;
import dev.lethe.core.meta.SignedRequestVerifier;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestState;
import dev.lethe.server.config.LetheProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
  private final Desk desk;
  private final LetheProperties.Meta settings;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, Timer> durations = new ConcurrentHashMap<>();

  MetaCallbacks(
      SignedRequestVerifier verifier,
      Desk desk,
      LetheProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.verifier = verifier;
    this.desk = desk;
    this.settings = properties.meta();
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Recorded and queued: the erasure runs in the background. A deauthorization recorded earlier for
   * the same person is merged into it, and the signed request verifies it.
   */
  DeletionRequest dataDeletion(String signedRequest) {
    DeletionRequest request =
        receive("data_deletion", signedRequest, RequestSource.META_CALLBACK, false);
    if (request.state() == RequestState.AWAITING_VERIFICATION
        && request.source() == RequestSource.META_DEAUTHORIZE) {
      return desk.verifyManually(
          request.id(), Actor.system(), "Meta sent a signed data-deletion request");
    }
    return request;
  }

  /**
   * Recorded only, waiting for verification that never comes by itself: Meta sends a data-deletion
   * callback when the person asks for deletion, which is merged into it; staff may also act on it.
   */
  DeletionRequest deauthorization(String signedRequest) {
    return receive(
        "deauthorize",
        signedRequest,
        RequestSource.META_DEAUTHORIZE,
        !settings.eraseOnDeauthorize());
  }

  private DeletionRequest receive(
      String callback, String signedRequest, RequestSource source, boolean recordOnly) {
    long started = System.nanoTime();
    try {
      return verifyAndRecord(callback, signedRequest, source, recordOnly);
    } finally {
      durations
          .computeIfAbsent(callback, this::duration)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private Timer duration(String callback) {
    return Timer.builder("lethe.meta.callback.duration")
        .description("Time to verify and durably record a Meta callback")
        .tag("callback", callback)
        .publishPercentileHistogram()
        .register(meters);
  }

  private DeletionRequest verifyAndRecord(
      String callback, String signedRequest, RequestSource source, boolean recordOnly) {
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
    NewRequest request =
        NewRequest.erasure(settings.scope(), List.of(user), settings.jurisdiction(), source)
            .withIdempotencyKey(payload.fingerprint());
    DeletionRequest received =
        desk.receive(recordOnly ? request.withVerification() : request, Actor.meta(payload.app()))
            .request();
    count(callback, "accepted");
    return received;
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
