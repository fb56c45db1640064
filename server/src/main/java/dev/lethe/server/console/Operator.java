package dev.lethe.server.console;

import dev.lethe.core.request.Actor;
import dev.lethe.server.api.Reach;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone who signs in to the console: a plain id (the sign-in name, and the actor id on request
 * events), an e-mail address for the confirmations of deletions they ask for, a role and, for a
 * workspace admin, the workspaces it reaches.
 */
public record Operator(
    String id,
    Optional<String> email,
    Role role,
    Set<String> workspaces,
    Instant createdAt,
    Actor createdBy,
    Optional<Instant> disabledAt)
    implements Reach {

  public Operator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    email = email == null ? Optional.empty() : email;
    workspaces =
        Collections.unmodifiableSortedSet(
            new TreeSet<>(workspaces == null ? Set.of() : workspaces));
    disabledAt = disabledAt == null ? Optional.empty() : disabledAt;
  }

  public boolean enabled() {
    return disabledAt.isEmpty();
  }

  public boolean workspaceAdmin() {
    return role == Role.WORKSPACE_ADMIN;
  }

  public boolean acts() {
    return role.acts();
  }

  public Actor actor() {
    return Actor.operator(id);
  }

  @Override
  public boolean limited() {
    return workspaceAdmin();
  }

  @Override
  public Optional<String> onlyWorkspace() {
    return workspaceAdmin() && workspaces.size() == 1
        ? Optional.of(workspaces.iterator().next())
        : Optional.empty();
  }

  /** A workspace admin reaches its own workspaces only, and nothing outside a workspace. */
  @Override
  public boolean reaches(Optional<String> workspace) {
    return !workspaceAdmin() || workspace.filter(workspaces::contains).isPresent();
  }

  @Override
  public String toString() {
    return "Operator[id=" + id + ", role=" + role.code() + "]";
  }
}
