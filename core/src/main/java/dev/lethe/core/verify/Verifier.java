package dev.lethe.core.verify;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.EntityCount;
import dev.lethe.core.plan.Node;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.RootSet;
import dev.lethe.core.plan.Selector;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Verification;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.IdentityMatch;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Searches for the subject after execution: nothing of the scope may remain below the roots, no
 * identity column in the scope's reach may still hold the subject's identities, and no anonymized
 * row may still contain them. Held rows are expected and reported, not failures.
 */
public final class Verifier {

  private final DSLContext dsl;
  private final BoundMap bound;
  private final Clock clock;

  /**
   * @param dsl where to search: in a transaction, what it changed included
   */
  public Verifier(DSLContext dsl, BoundMap bound, Clock clock) {
    this.dsl = dsl;
    this.bound = bound;
    this.clock = clock;
  }

  /**
   * What verification found, and what the receipt needs from it.
   *
   * @param updated rows detached, anonymized or retained by the run that still exist, per entity
   */
  public record Result(
      Verification verification,
      Map<String, Long> held,
      Map<String, Map<Outcome, Long>> updated,
      Map<String, LocalDate> retainedUntil) {}

  /**
   * @param remaining the plan re-counted after execution (same roots, same holds)
   * @param recorded the entities and outcomes for which the run recorded updated rows
   */
  public Result verify(String runId, Plan remaining, Map<String, Set<Outcome>> recorded) {
    List<String> problems = new ArrayList<>();
    Map<String, Long> held = new LinkedHashMap<>();
    for (EntityCount count : remaining.preview().entities()) {
      long left =
          count.get(Outcome.DELETED)
              + count.get(Outcome.DETACHED)
              + count.get(Outcome.RETAINED)
              + (anonymizesRoot(remaining, count.entity()) ? 0 : count.get(Outcome.ANONYMIZED));
      if (left > 0) {
        problems.add(count.entity() + ": " + left + " row(s) below the deleted roots remain");
      }
      if (count.get(Outcome.HELD) > 0) {
        held.put(count.entity(), count.get(Outcome.HELD));
      }
    }
    searchIdentities(remaining, problems);
    UpdatedRows.Updated updated =
        new UpdatedRows(dsl, bound)
            .check(runId, recorded, remaining.request().identities(), problems);
    return new Result(
        new Verification(problems.isEmpty(), problems, clock.instant()),
        held,
        updated.counts(),
        updated.until());
  }

  private static boolean anonymizesRoot(Plan plan, String entity) {
    return plan.roots().stream()
        .anyMatch(r -> r.anonymizesRoots() && r.root().entity().equals(entity));
  }

  private void searchIdentities(Plan plan, List<String> problems) {
    Map<String, Boolean> reach = reach(plan);
    for (var entry : reach.entrySet()) {
      BoundEntity entity = bound.entity(entry.getKey());
      boolean isRoot = entry.getValue();
      for (Identity identity : plan.request().identities()) {
        if (identity.kind() == IdentityKind.IDS || !IdentityMatch.searchable(entity, identity)) {
          continue;
        }
        Condition where =
            IdentityMatch.in(entity, identity)
                .and(plan.held().notHeld(entity))
                .andNot(blockedInReach(plan, entity))
                .and(tenantReach(plan, entity, isRoot));
        int found = dsl.fetchCount(entity.table(), where);
        if (found > 0) {
          problems.add(
              entity.name()
                  + ": "
                  + found
                  + " row(s) still hold the subject's "
                  + identity.kind().code());
        }
      }
    }
  }

  /** Rows of {@code entity} that stay because a hold below them keeps them. */
  private static Condition blockedInReach(Plan plan, BoundEntity entity) {
    if (!plan.held().any()) {
      return DSL.falseCondition();
    }
    Selector selector = new Selector(plan.held());
    List<Condition> blocked = new ArrayList<>();
    for (RootSet root : plan.roots()) {
      if (root.anonymizesRoots()) {
        continue;
      }
      for (Node node : root.tree().descendantsAndSelf()) {
        if (node.entity().name().equals(entity.name())) {
          blocked.add(selector.blockedInReach(node, root.keys()));
        }
      }
    }
    return blocked.isEmpty() ? DSL.falseCondition() : DSL.or(blocked);
  }

  /** Entities the scope reaches, mapped to whether they are one of its roots. */
  private static Map<String, Boolean> reach(Plan plan) {
    Map<String, Boolean> reach = new LinkedHashMap<>();
    for (RootSet root : plan.roots()) {
      reach.put(root.root().entity(), true);
      if (root.anonymizesRoots()) {
        continue;
      }
      for (Node node : root.tree().descendantsAndSelf()) {
        reach.putIfAbsent(node.entity().name(), false);
        node.updates().forEach(e -> reach.putIfAbsent(e.child().name(), false));
      }
    }
    return reach;
  }

  /**
   * Where to look: in the workspace for tenant-bound scopes; otherwise roots everywhere, and
   * tenant-scoped entities only in tenants that no longer exist (the ones this run erased) — the
   * same person may be a customer in another business's workspace, which is not this scope.
   */
  private Condition tenantReach(Plan plan, BoundEntity entity, boolean isRoot) {
    if (entity.entity().tenant().isEmpty()) {
      return DSL.noCondition();
    }
    String tenantColumn = entity.entity().tenant().get();
    Field<Object> tenant = entity.field(tenantColumn);
    if (plan.scope().tenantBound()) {
      return tenant.eq(entity.valueFor(tenantColumn, plan.request().workspace().orElseThrow()));
    }
    if (isRoot) {
      return DSL.noCondition();
    }
    return bound.map().entities().values().stream()
        .filter(e -> e.tenant().isPresent() && e.tenant().get().equals(e.key()))
        .findFirst()
        .map(e -> bound.entity(e.name()))
        .map(
            tenantEntity ->
                tenant
                    .isNull()
                    .or(tenant.notIn(DSL.select(tenantEntity.key()).from(tenantEntity.table()))))
        .orElse(DSL.noCondition());
  }
}
