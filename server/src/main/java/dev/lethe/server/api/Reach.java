package dev.lethe.server.api;

import java.util.Optional;

/**
 * Which workspaces a caller reaches: an API key (every workspace, or one), a console operator
 * (every workspace, or the workspaces of a workspace admin). Forms check requests and holds against
 * it.
 */
public interface Reach {

  /** Whether the caller is limited to some workspaces (and so to scopes bound to one). */
  boolean limited();

  /** The workspace a request goes to when none is named: the caller's only one, if it has one. */
  Optional<String> onlyWorkspace();

  /** Whether something in {@code workspace} (or in none) is within the caller's reach. */
  boolean reaches(Optional<String> workspace);
}
