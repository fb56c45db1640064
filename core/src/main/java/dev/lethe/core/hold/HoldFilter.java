package dev.lethe.core.hold;

import java.util.Optional;

/**
 * Which holds to list, newest first.
 *
 * @param activeOnly only holds neither lifted nor expired
 * @param workspace only holds on this workspace
 */
public record HoldFilter(boolean activeOnly, Optional<String> workspace, int offset, int limit) {

  public static final int MAX_LIMIT = 500;

  public HoldFilter {
    workspace = workspace == null ? Optional.empty() : workspace.map(String::strip);
    if (offset < 0) {
      throw new InvalidHoldException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidHoldException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first page of every hold, lifted and expired ones included. */
  public static HoldFilter all() {
    return new HoldFilter(false, Optional.empty(), 0, 100);
  }

  /** The first page of the holds in force. */
  public static HoldFilter active() {
    return new HoldFilter(true, Optional.empty(), 0, 100);
  }

  public HoldFilter inWorkspace(String wanted) {
    return new HoldFilter(activeOnly, Optional.of(wanted), offset, limit);
  }

  public HoldFilter page(int pageOffset, int pageLimit) {
    return new HoldFilter(activeOnly, workspace, pageOffset, pageLimit);
  }
}
