package dev.lethe.core.request;

import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.identity.Identity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request as a door hands it in. Identities are already normalized; a request without identities
 * must select its subject through {@code params} (a filter-based scope such as bot users by bot and
 * date).
 *
 * @param jurisdiction the law the request is served under: a regime or region code that {@link
 *     Jurisdiction#fromCode} reads ({@code GDPR}, {@code EU}, {@code US-CA}, {@code ID}, {@code
 *     OTHER} …)
 * @param gracePeriod how long the subject may still cancel before the request is scheduled
 * @param verificationRequired the subject's identity must be verified before anything happens
 * @param idempotencyKey the same key always returns the same request (a Meta signed_request
 *     fingerprint, an API idempotency header)
 * @param confirmationCode a code the caller already handed out; one is generated when empty
 * @param contact where to write to the person about the request, if anywhere
 */
public record NewRequest(
    RequestType type,
    String scope,
    List<Identity> identities,
    Optional<String> workspace,
    Map<String, String> params,
    String jurisdiction,
    RequestSource source,
    Optional<Duration> gracePeriod,
    boolean verificationRequired,
    Optional<String> idempotencyKey,
    Optional<String> confirmationCode,
    Optional<Contact> contact) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final Pattern JURISDICTION = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,15}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{8,64}");

  public NewRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    if (scope == null || !NAME.matcher(scope).matches()) {
      throw new InvalidRequestException("the scope must be a plain name of the data map");
    }
    identities = List.copyOf(identities == null ? List.of() : identities);
    workspace = workspace == null ? Optional.empty() : workspace.map(String::strip);
    if (workspace.filter(String::isEmpty).isPresent() || workspace.orElse("").length() > 255) {
      throw new InvalidRequestException("the workspace must be 1 to 255 characters");
    }
    params = Map.copyOf(params == null ? Map.of() : params);
    if (identities.isEmpty() && params.isEmpty()) {
      throw new InvalidRequestException(
          "a request needs the subject's identities, or the filter parameters of its scope");
    }
    jurisdiction = jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT);
    if (!JURISDICTION.matcher(jurisdiction).matches()
        || Jurisdiction.fromCode(jurisdiction).isEmpty()) {
      throw new InvalidRequestException(
          "the jurisdiction must be one of " + Jurisdiction.knownCodes());
    }
    gracePeriod = gracePeriod == null ? Optional.empty() : gracePeriod;
    if (gracePeriod.filter(g -> g.isNegative() || g.isZero()).isPresent()) {
      throw new InvalidRequestException("a grace period must be positive");
    }
    idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
    if (idempotencyKey.filter(k -> k.isBlank() || k.length() > 512).isPresent()) {
      throw new InvalidRequestException("an idempotency key must be 1 to 512 characters");
    }
    confirmationCode = confirmationCode == null ? Optional.empty() : confirmationCode;
    if (confirmationCode.filter(c -> !CODE.matcher(c).matches()).isPresent()) {
      throw new InvalidRequestException("a confirmation code is 8 to 64 letters and digits");
    }
    contact = contact == null ? Optional.empty() : contact;
  }

  /** An erasure of one subject, with no grace period, verification or idempotency key. */
  public static NewRequest erasure(
      String scope, List<Identity> identities, String jurisdiction, RequestSource source) {
    return new NewRequest(
        RequestType.ERASURE,
        scope,
        identities,
        Optional.empty(),
        Map.of(),
        jurisdiction,
        source,
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public NewRequest inWorkspace(String workspace) {
    return new NewRequest(
        type,
        scope,
        identities,
        Optional.of(workspace),
        params,
        jurisdiction,
        source,
        gracePeriod,
        verificationRequired,
        idempotencyKey,
        confirmationCode,
        contact);
  }

  public NewRequest withGracePeriod(Duration grace) {
    return new NewRequest(
        type,
        scope,
        identities,
        workspace,
        params,
        jurisdiction,
        source,
        Optional.of(grace),
        verificationRequired,
        idempotencyKey,
        confirmationCode,
        contact);
  }

  public NewRequest withVerification() {
    return new NewRequest(
        type,
        scope,
        identities,
        workspace,
        params,
        jurisdiction,
        source,
        gracePeriod,
        true,
        idempotencyKey,
        confirmationCode,
        contact);
  }

  public NewRequest withIdempotencyKey(String key) {
    return new NewRequest(
        type,
        scope,
        identities,
        workspace,
        params,
        jurisdiction,
        source,
        gracePeriod,
        verificationRequired,
        Optional.of(key),
        confirmationCode,
        contact);
  }

  public NewRequest withContact(Contact to) {
    return new NewRequest(
        type,
        scope,
        identities,
        workspace,
        params,
        jurisdiction,
        source,
        gracePeriod,
        verificationRequired,
        idempotencyKey,
        confirmationCode,
        Optional.of(to));
  }
}
