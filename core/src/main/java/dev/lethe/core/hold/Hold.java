package dev.lethe.core.hold;

import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A hold as stored: its target (an identity only by kind and keyed hash), why and on whose word it
 * was placed, and whether and when it was lifted. A hold is never deleted; lifting it ends it.
 *
 * @param reference where the order comes from, such as a case number
 * @param expiresAt the hold lapses at this instant, if set
 */
public record Hold(
    String id,
    LegalHold.Target target,
    String reason,
    Optional<String> reference,
    Instant placedAt,
    Actor placedBy,
    Optional<Instant> expiresAt,
    Optional<Instant> liftedAt,
    Optional<Actor> liftedBy,
    Optional<String> liftNote) {

  public Hold {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(placedBy, "placedBy");
    reference = reference == null ? Optional.empty() : reference;
    expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    liftedAt = liftedAt == null ? Optional.empty() : liftedAt;
    liftedBy = liftedBy == null ? Optional.empty() : liftedBy;
    liftNote = liftNote == null ? Optional.empty() : liftNote;
  }

  /** Neither lifted nor expired at {@code now}. */
  public boolean active(Instant now) {
    return liftedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
  }

  public boolean lifted() {
    return liftedAt.isPresent();
  }

  /** The hold as the engine applies it. */
  public LegalHold toLegalHold() {
    return new LegalHold(id, target, reason, expiresAt);
  }
}
