package dev.lethe.core.plan;

import dev.lethe.core.datamap.Scope;
import dev.lethe.core.hold.HeldRows;
import java.time.Instant;
import java.util.List;

/**
 * A request resolved against the live data: the root rows it selected, the trees below them, the
 * holds in force and the exact preview of what execution would do.
 */
public record Plan(
    ErasureRequest request,
    Scope scope,
    List<RootSet> roots,
    HeldRows held,
    Preview preview,
    Instant plannedAt) {
  public Plan {
    roots = List.copyOf(roots);
  }
}
