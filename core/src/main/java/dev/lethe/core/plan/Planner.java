package dev.lethe.core.plan;

import dev.lethe.core.datamap.Scope;
import dev.lethe.core.datamap.ScopeRoot;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.sql.BoundMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Resolves a request into a {@link Plan}: root rows, trees, holds and exact counts. */
public final class Planner {

  private final DSLContext dsl;
  private final BoundMap bound;
  private final Clock clock;

  public Planner(DSLContext dsl, BoundMap bound, Clock clock) {
    this.dsl = dsl;
    this.bound = bound;
    this.clock = clock;
  }

  public Scope scope(String name) {
    return bound
        .map()
        .scope(name)
        .orElseThrow(
            () ->
                new RequestException(
                    "no scope named '"
                        + name
                        + "' (scopes: "
                        + String.join(", ", bound.map().scopes().keySet())
                        + ")"));
  }

  /**
   * Checks a request against its scope without reading any row: the scope exists, a workspace is
   * named where the scope needs one, every identity kind and parameter is one the scope takes, and
   * every parameter value reads as its column's type.
   *
   * @throws RequestException naming what is wrong
   */
  public void check(ErasureRequest request) {
    Scope scope = scope(request.scope());
    RootFinder.check(scope, request);
    RootFinder finder = new RootFinder(dsl, bound);
    for (ScopeRoot root : scope.roots()) {
      finder.selection(root, request);
    }
  }

  public Plan plan(ErasureRequest request, HeldRows held) {
    Plan found = planUncounted(request, held);
    return withRoots(request, found.scope(), found.roots(), held);
  }

  /**
   * The request's root rows and trees without the preview (empty): what a run that follows at once
   * needs, since its receipt counts what execution did.
   */
  public Plan planUncounted(ErasureRequest request, HeldRows held) {
    Scope scope = scope(request.scope());
    RootFinder.check(scope, request);
    RootFinder finder = new RootFinder(dsl, bound);
    List<RootSet> roots = new ArrayList<>();
    for (int i = 0; i < scope.roots().size(); i++) {
      ScopeRoot root = scope.roots().get(i);
      roots.add(
          new RootSet(
              i,
              root,
              Node.root(bound, root.entity()),
              finder.find(root, request, scope.tenantBound())));
    }
    return withRootsUncounted(request, scope, roots, held);
  }

  /** A plan for root keys found earlier (a run being resumed or verified). */
  public Plan withRoots(ErasureRequest request, Scope scope, List<RootSet> roots, HeldRows held) {
    return withRoots(request, scope, roots, held, Optional.empty());
  }

  /**
   * A plan for root keys found earlier, a tree's counts taken from {@code recounted} (read earlier
   * in the same transaction, {@link ScopeCounter#treeCount}).
   */
  public Plan withRoots(
      ErasureRequest request,
      Scope scope,
      List<RootSet> roots,
      HeldRows held,
      Optional<ScopeCounter.Recounted> recounted) {
    Preview preview = new ScopeCounter(dsl, bound, new Selector(held)).count(roots, recounted);
    return new Plan(request, scope, roots, held, preview, clock.instant());
  }

  /**
   * A plan for root keys found earlier, without its preview (empty): what execution needs. Counting
   * a whole scope again before executing it costs as much as the first count, for nothing.
   */
  public Plan withRootsUncounted(
      ErasureRequest request, Scope scope, List<RootSet> roots, HeldRows held) {
    return new Plan(request, scope, roots, held, new Preview(List.of()), clock.instant());
  }
}
