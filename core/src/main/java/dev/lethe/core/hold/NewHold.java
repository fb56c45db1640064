package dev.lethe.core.hold;

import dev.lethe.core.identity.Identity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A hold as staff place it: exactly one target — a whole workspace, one identity (already
 * normalized; only its keyed hash is stored), or one row of an entity — with the reason for it.
 * Build one with {@link #onWorkspace}, {@link #onIdentity} or {@link #onRow}.
 *
 * @param reference where the order comes from, such as a case number
 * @param expiresAt the hold lapses at this instant, if set; it must be in the future when placed
 */
public record NewHold(
    Optional<String> workspace,
    Optional<Identity> identity,
    Optional<String> entity,
    Optional<String> key,
    String reason,
    Optional<String> reference,
    Optional<Instant> expiresAt) {

  static final int MAX_REASON = 500;
  static final int MAX_REFERENCE = 255;
  private static final Pattern ENTITY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  public NewHold {
    workspace = stripped(workspace);
    identity = identity == null ? Optional.empty() : identity;
    entity = stripped(entity);
    key = key == null ? Optional.empty() : key;
    requireOneTarget(workspace, identity, entity, key);
    if (workspace.isPresent() && (workspace.get().isEmpty() || workspace.get().length() > 255)) {
      throw new InvalidHoldException("the workspace must be 1 to 255 characters");
    }
    if (entity.isPresent() && !ENTITY.matcher(entity.get()).matches()) {
      throw new InvalidHoldException(
          "the entity must be a plain name of the data map: a letter or '_', then up to 62"
              + " letters, digits or '_'");
    }
    if (key.isPresent() && (key.get().isBlank() || key.get().length() > 255)) {
      throw new InvalidHoldException("the key must be 1 to 255 characters, not blank");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidHoldException("a hold needs a reason");
    }
    reason = reason.strip();
    if (reason.length() > MAX_REASON) {
      throw new InvalidHoldException("the reason must be at most 500 characters");
    }
    reference = stripped(reference).filter(r -> !r.isEmpty());
    if (reference.isPresent() && reference.get().length() > MAX_REFERENCE) {
      throw new InvalidHoldException("the reference must be at most 255 characters");
    }
    // Stored to the microsecond on every database; the hold read back equals the one placed.
    expiresAt =
        expiresAt == null ? Optional.empty() : expiresAt.map(t -> t.truncatedTo(ChronoUnit.MICROS));
  }

  private static void requireOneTarget(
      Optional<String> workspace,
      Optional<Identity> identity,
      Optional<String> entity,
      Optional<String> key) {
    if (entity.isPresent() != key.isPresent()) {
      throw new InvalidHoldException("a row hold needs both the entity and the key of the row");
    }
    List<String> targets = new ArrayList<>();
    workspace.ifPresent(w -> targets.add("a workspace"));
    identity.ifPresent(i -> targets.add("an identity"));
    entity.ifPresent(e -> targets.add("a row"));
    if (targets.size() != 1) {
      throw new InvalidHoldException(
          "a hold has exactly one target: a workspace, an identity, or an entity and key"
              + (targets.isEmpty()
                  ? " (none given)"
                  : " (given: " + String.join(", ", targets) + ")"));
    }
  }

  private static Optional<String> stripped(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip);
  }

  /** Every row of one workspace (tenant). */
  public static NewHold onWorkspace(String workspace, String reason) {
    return new NewHold(
        Optional.of(workspace),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        reason,
        Optional.empty(),
        Optional.empty());
  }

  /** Every row that carries the identity, in every workspace. */
  public static NewHold onIdentity(Identity identity, String reason) {
    Objects.requireNonNull(identity, "identity");
    return new NewHold(
        Optional.empty(),
        Optional.of(identity),
        Optional.empty(),
        Optional.empty(),
        reason,
        Optional.empty(),
        Optional.empty());
  }

  /** One row of one entity of the data map, and everything below it. */
  public static NewHold onRow(String entity, String key, String reason) {
    return new NewHold(
        Optional.empty(),
        Optional.empty(),
        Optional.of(entity),
        Optional.of(key),
        reason,
        Optional.empty(),
        Optional.empty());
  }

  public NewHold withReference(String caseReference) {
    return new NewHold(
        workspace, identity, entity, key, reason, Optional.of(caseReference), expiresAt);
  }

  public NewHold expiringAt(Instant expiry) {
    return new NewHold(workspace, identity, entity, key, reason, reference, Optional.of(expiry));
  }
}
