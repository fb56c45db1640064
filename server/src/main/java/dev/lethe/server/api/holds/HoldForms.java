package dev.lethe.server.api.holds;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.hold.NewHold;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.server.api.FieldErrors;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.InvalidValueException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns a {@link HoldForm} into a {@link NewHold}, naming each field that does not hold. */
public final class HoldForms {

  private final DataMap map;
  private final IdentityNormalizer normalizer;
  private final Clock clock;

  public HoldForms(DataMap map, IdentityNormalizer normalizer, Clock clock) {
    this.map = map;
    this.normalizer = normalizer;
    this.clock = clock;
  }

  /**
   * @throws InvalidFieldsException naming every field that does not hold
   */
  public NewHold read(HoldForm form) {
    if (form == null) {
      throw InvalidFieldsException.of("body", "a JSON object is required");
    }
    FieldErrors errors = new FieldErrors();
    Optional<String> workspace = text(form.workspace());
    Optional<Identity> identity =
        form.identity() == null
            ? Optional.empty()
            : Optional.ofNullable(errors.read("identity", () -> identity(form.identity())));
    Optional<String> entity = text(form.entity());
    entity.ifPresent(
        name -> {
          if (!map.entities().containsKey(name)) {
            String known = String.join(", ", map.entities().keySet());
            errors.add(
                "entity", "check.no-entity", "no such entity; the data map has " + known, known);
          }
        });
    Optional<String> key = text(form.key());
    if (form.reason() == null || form.reason().isBlank()) {
      errors.add("reason", "check.hold-reason", "required: why the data must be kept");
    }
    Optional<Instant> expires =
        text(form.expiresAt()).map(t -> errors.read("expires_at", () -> instant(t)));
    if (expires.filter(e -> !e.isAfter(clock.instant())).isPresent()) {
      errors.add("expires_at", "check.future", "must be in the future");
    }
    errors.throwIfAny();
    try {
      return new NewHold(
          workspace, identity, entity, key, form.reason(), text(form.reference()), expires);
    } catch (IllegalArgumentException e) {
      throw InvalidFieldsException.of("body", e.getMessage());
    }
  }

  private Identity identity(HoldForm.IdentityForm form) {
    if (form.kind() == null || form.value() == null) {
      throw new InvalidValueException("check.kind-and-value", "needs a kind and a value");
    }
    IdentityKind kind =
        IdentityKind.fromCode(form.kind())
            .orElseThrow(
                () ->
                    new InvalidValueException(
                        "check.unknown-kind",
                        "unknown kind; known: " + IdentityKind.knownCodes(),
                        IdentityKind.knownCodes()));
    try {
      return normalizer.normalize(kind, form.value());
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("check.not-valid", "not a valid " + kind.code(), kind.code());
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "check.instant", "an ISO-8601 instant such as 2027-01-31T00:00:00Z");
    }
  }

  private static Optional<String> text(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
  }
}
