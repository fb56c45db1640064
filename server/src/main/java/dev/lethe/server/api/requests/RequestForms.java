package dev.lethe.server.api.requests;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.core.request.Contact;
import dev.lethe.core.request.InvalidRequestException;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestType;
import dev.lethe.server.api.ApiForbiddenException;
import dev.lethe.server.api.FieldErrors;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.InvalidValueException;
import dev.lethe.server.api.Reach;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link RequestForm} into a {@link NewRequest}, checking every field against the data map
 * and the caller's reach, and naming each field that does not hold.
 */
public final class RequestForms {

  static final int MAX_IDENTITIES = 20;
  static final Duration MAX_GRACE = Duration.ofDays(90);

  /** The doors an API caller may speak for; Meta's and retention have doors of their own. */
  private static final Set<RequestSource> API_SOURCES =
      EnumSet.of(
          RequestSource.SELF_SERVICE,
          RequestSource.EMAIL,
          RequestSource.WEB_FORM,
          RequestSource.ADMIN,
          RequestSource.API);

  private final DataMap map;
  private final IdentityNormalizer normalizer;
  private final String defaultJurisdiction;

  public RequestForms(DataMap map, IdentityNormalizer normalizer, String defaultJurisdiction) {
    this.map = map;
    this.normalizer = normalizer;
    this.defaultJurisdiction = defaultJurisdiction;
  }

  /**
   * @throws InvalidFieldsException naming every field that does not hold
   * @throws ApiForbiddenException when the request is beyond the caller's reach
   */
  public NewRequest read(RequestForm form, Reach caller, Optional<String> idempotencyKey) {
    if (form == null) {
      throw InvalidFieldsException.of("body", "a JSON object is required");
    }
    FieldErrors errors = new FieldErrors();
    errors.read("type", () -> type(form.type()));
    Scope scope = errors.read("scope", () -> scope(form.scope()));
    Optional<String> workspace = workspace(form.workspace(), scope, caller, errors);
    List<Identity> identities = identities(form.identities(), errors);
    Map<String, String> params = form.params() == null ? Map.of() : form.params();
    String jurisdiction = errors.read("jurisdiction", () -> jurisdiction(form.jurisdiction()));
    RequestSource source = errors.read("source", () -> source(form.source()));
    Optional<Duration> grace = errors.read("grace_period", () -> grace(form.gracePeriod()));
    Optional<Contact> contact = errors.read("contact", () -> contact(form.contact()));
    Boolean verify = errors.read("verification", () -> verification(form.verification(), contact));
    if (identities.isEmpty() && params.isEmpty() && scope != null) {
      errors.add(
          "identities",
          "check.identities-needed",
          "give the person's identities, or the parameters of the scope's filters");
    }
    errors.throwIfAny();
    try {
      NewRequest request =
          new NewRequest(
              RequestType.ERASURE,
              scope.name(),
              identities,
              workspace,
              params,
              jurisdiction,
              source,
              grace,
              verify,
              idempotencyKey,
              Optional.empty(),
              contact);
      return request;
    } catch (InvalidRequestException e) {
      throw InvalidFieldsException.of("body", e.getMessage());
    }
  }

  private static RequestType type(String type) {
    if (type == null || type.isBlank() || type.strip().equalsIgnoreCase("erasure")) {
      return RequestType.ERASURE;
    }
    if (type.strip().equalsIgnoreCase("access")) {
      throw new IllegalArgumentException("access requests are not served yet; use erasure");
    }
    throw new IllegalArgumentException("must be erasure");
  }

  private Scope scope(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "required: one of " + String.join(", ", map.scopes().keySet()));
    }
    return map.scope(name.strip())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no such scope; the data map has " + String.join(", ", map.scopes().keySet())));
  }

  /** A key limited to a workspace works only inside it, and only on scopes bound to one. */
  private static Optional<String> workspace(
      String given, Scope scope, Reach caller, FieldErrors errors) {
    Optional<String> workspace =
        Optional.ofNullable(given).map(String::strip).filter(w -> !w.isEmpty());
    if (caller.limited()) {
      if (scope != null && !scope.tenantBound()) {
        throw new ApiForbiddenException(
            "a caller limited to some workspaces can only use scopes bound to a workspace; '"
                + scope.name()
                + "' is not");
      }
      if (workspace.isPresent() && !caller.reaches(workspace)) {
        throw new ApiForbiddenException("this caller does not reach that workspace");
      }
      workspace = workspace.or(caller::onlyWorkspace);
    }
    if (scope != null && scope.tenantBound() && workspace.isEmpty()) {
      errors.add(
          "workspace",
          "check.workspace-bound",
          "required: scope '" + scope.name() + "' is bound to a workspace",
          scope.name());
    }
    if (workspace.filter(w -> w.length() > 255).isPresent()) {
      errors.add("workspace", "check.at-most-characters", "at most 255 characters", 255);
    }
    return workspace;
  }

  private List<Identity> identities(List<RequestForm.IdentityForm> forms, FieldErrors errors) {
    List<Identity> identities = new ArrayList<>();
    if (forms == null) {
      return identities;
    }
    if (forms.size() > MAX_IDENTITIES) {
      errors.add("identities", "at most " + MAX_IDENTITIES + " identities");
      return identities;
    }
    for (int i = 0; i < forms.size(); i++) {
      String field = "identities[" + i + "]";
      RequestForm.IdentityForm form = forms.get(i);
      if (form == null || form.kind() == null || form.value() == null) {
        errors.add(field, "check.kind-and-value", "needs a kind and a value");
        continue;
      }
      Optional<IdentityKind> kind = IdentityKind.fromCode(form.kind());
      if (kind.isEmpty()) {
        errors.add(
            field + ".kind",
            "check.unknown-kind",
            "unknown kind; known: " + IdentityKind.knownCodes(),
            IdentityKind.knownCodes());
        continue;
      }
      try {
        identities.add(normalizer.normalize(kind.get(), form.value()));
      } catch (IllegalArgumentException e) {
        errors.add(
            field + ".value",
            "check.not-valid",
            "not a valid " + kind.get().code(),
            kind.get().code());
      }
    }
    return identities;
  }

  private String jurisdiction(String given) {
    String code = given == null || given.isBlank() ? defaultJurisdiction : given.strip();
    if (Jurisdiction.fromCode(code).isEmpty()) {
      throw new IllegalArgumentException("unknown; use one of " + Jurisdiction.knownCodes());
    }
    return code.toUpperCase(Locale.ROOT);
  }

  private static RequestSource source(String given) {
    if (given == null || given.isBlank()) {
      return RequestSource.API;
    }
    RequestSource source;
    try {
      source = RequestSource.fromCode(given.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      source = null;
    }
    if (source == null || !API_SOURCES.contains(source)) {
      throw new IllegalArgumentException(
          "must be one of "
              + String.join(", ", API_SOURCES.stream().map(RequestSource::code).toList()));
    }
    return source;
  }

  private static Optional<Duration> grace(String given) {
    if (given == null || given.isBlank()) {
      return Optional.empty();
    }
    Duration grace;
    try {
      grace = Duration.parse(given.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("an ISO-8601 duration such as P14D or PT24H");
    }
    if (grace.isNegative() || grace.isZero() || grace.compareTo(MAX_GRACE) > 0) {
      throw new InvalidValueException("check.grace-period", "between one second and 90 days");
    }
    return Optional.of(grace);
  }

  private static Optional<Contact> contact(RequestForm.ContactForm form) {
    if (form == null) {
      return Optional.empty();
    }
    if (form.email() == null || form.email().isBlank()) {
      throw new InvalidValueException("check.email-required", "an e-mail address is required");
    }
    try {
      return Optional.of(new Contact(form.email(), form.language()));
    } catch (InvalidRequestException e) {
      throw Contact.NOT_AN_ADDRESS.equals(e.getMessage())
          ? new InvalidValueException("check.contact-address", e.getMessage())
          : new IllegalArgumentException(e.getMessage());
    }
  }

  private static Boolean verification(String given, Optional<Contact> contact) {
    String method =
        given == null || given.isBlank() ? "none" : given.strip().toLowerCase(Locale.ROOT);
    return switch (method) {
      case "none" -> false;
      case "manual" -> true;
      case "email" -> {
        if (contact == null || contact.isEmpty()) {
          throw new InvalidValueException(
              "check.email-verification", "email verification needs a contact e-mail address");
        }
        yield true;
      }
      default -> throw new IllegalArgumentException("must be none, email or manual");
    };
  }
}
