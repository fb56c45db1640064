package dev.lethe.core.hold;

import dev.lethe.core.identity.IdentityKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A preservation order: rows it covers are never deleted or changed while it is in force, and are
 * reported on receipts with the hold's id.
 *
 * @param expires the hold lapses at this instant, if set
 */
public record LegalHold(String id, Target target, String reason, Optional<Instant> expires) {

  public LegalHold {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    reason = reason == null ? "" : reason;
    expires = expires == null ? Optional.empty() : expires;
  }

  public boolean inForceAt(Instant now) {
    return expires.map(now::isBefore).orElse(true);
  }

  /** What a hold covers. */
  public sealed interface Target {}

  /** Every row of one tenant (workspace), in every entity that has a tenant column. */
  public record Tenant(String tenant) implements Target {
    public Tenant {
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /**
   * Every row that carries one identity, known only by its keyed hash (see {@link
   * dev.lethe.core.identity.KeyedHasher#hash}).
   */
  public record OnIdentity(IdentityKind kind, String identityHash) implements Target {
    public OnIdentity {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(identityHash, "identityHash");
    }
  }

  /** One row of one entity, and everything below it. */
  public record Row(String entity, String key) implements Target {
    public Row {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(key, "key");
    }
  }
}
