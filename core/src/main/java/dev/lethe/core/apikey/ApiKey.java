package dev.lethe.core.apikey;

import dev.lethe.core.request.Actor;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored, without its secret (which Lethe does not keep): who may do what, where.
 *
 * @param id the public part of the token, also the key's {@link Actor#apiKey actor} id
 * @param workspace the one workspace the key reaches; empty when it reaches every workspace
 * @param lastUsedAt when the key last authenticated, to within a minute
 */
public record ApiKey(
    String id,
    String name,
    Set<Permission> permissions,
    Optional<String> workspace,
    Instant createdAt,
    Actor createdBy,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
    copy.addAll(permissions == null ? Set.of() : permissions);
    permissions = Collections.unmodifiableSet(copy);
    workspace = workspace == null ? Optional.empty() : workspace;
    revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }

  /** Whether the key grants the permission; a revoked key grants nothing. */
  public boolean allows(Permission permission) {
    return !revoked() && permissions.contains(permission);
  }

  /**
   * Whether the key may act on {@code target} (a request's or hold's workspace, empty for none): an
   * unrestricted key reaches everything, a workspace key only its own workspace.
   */
  public boolean reaches(Optional<String> target) {
    return workspace.isEmpty() || workspace.equals(target);
  }

  /** The actor recorded for what this key does. */
  public Actor actor() {
    return Actor.apiKey(id);
  }

  ApiKey usedAt(Instant at) {
    return new ApiKey(
        id, name, permissions, workspace, createdAt, createdBy, revokedAt, Optional.of(at));
  }
}
