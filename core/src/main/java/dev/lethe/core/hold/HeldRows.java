package dev.lethe.core.hold;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.IdentityMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The legal holds in force for one run, turned into SQL: which rows of an entity are held. Held
 * rows, and everything below them, are skipped by every statement of the run.
 */
public final class HeldRows {

  private record IdentityHold(LegalHold hold, Identity identity) {}

  private final List<LegalHold> tenantAndRowHolds;
  private final List<IdentityHold> identityHolds;

  private HeldRows(List<LegalHold> tenantAndRowHolds, List<IdentityHold> identityHolds) {
    this.tenantAndRowHolds = tenantAndRowHolds;
    this.identityHolds = identityHolds;
  }

  public static HeldRows none() {
    return new HeldRows(List.of(), List.of());
  }

  /**
   * The holds among {@code holds} in force at {@code now}; identity holds apply when they match one
   * of the subject's identities.
   */
  public static HeldRows of(
      List<LegalHold> holds, Instant now, List<Identity> subject, KeyedHasher hasher) {
    List<LegalHold> direct = new ArrayList<>();
    List<IdentityHold> byIdentity = new ArrayList<>();
    for (LegalHold hold : holds) {
      if (!hold.inForceAt(now)) {
        continue;
      }
      if (hold.target() instanceof LegalHold.OnIdentity on) {
        for (Identity identity : subject) {
          if (identity.kind() == on.kind() && hasher.hash(identity).equals(on.identityHash())) {
            byIdentity.add(new IdentityHold(hold, identity));
          }
        }
      } else {
        direct.add(hold);
      }
    }
    return new HeldRows(List.copyOf(direct), List.copyOf(byIdentity));
  }

  public boolean any() {
    return !tenantAndRowHolds.isEmpty() || !identityHolds.isEmpty();
  }

  /** Rows of {@code entity} that some hold covers; never NULL. */
  public Condition held(BoundEntity entity) {
    List<Condition> parts = new ArrayList<>();
    for (LegalHold hold : tenantAndRowHolds) {
      Condition part = directCondition(entity, hold);
      if (part != null) {
        parts.add(part);
      }
    }
    for (IdentityHold hold : identityHolds) {
      if (IdentityMatch.searchable(entity, hold.identity())) {
        parts.add(IdentityMatch.in(entity, hold.identity()));
      }
    }
    return parts.isEmpty() ? DSL.falseCondition() : DSL.or(parts);
  }

  public Condition notHeld(BoundEntity entity) {
    Condition held = held(entity);
    return held.equals(DSL.falseCondition()) ? DSL.noCondition() : DSL.not(held);
  }

  /** Ids of the holds that can cover rows of {@code entity}. */
  public Set<String> holdIds(BoundEntity entity) {
    Set<String> ids = new LinkedHashSet<>();
    for (LegalHold hold : tenantAndRowHolds) {
      if (directCondition(entity, hold) != null) {
        ids.add(hold.id());
      }
    }
    for (IdentityHold hold : identityHolds) {
      if (IdentityMatch.searchable(entity, hold.identity())) {
        ids.add(hold.hold().id());
      }
    }
    return ids;
  }

  /** Ids of every hold in force for this run. */
  public Set<String> allHoldIds() {
    Set<String> ids = new LinkedHashSet<>();
    tenantAndRowHolds.forEach(h -> ids.add(h.id()));
    identityHolds.forEach(h -> ids.add(h.hold().id()));
    return ids;
  }

  private static Condition directCondition(BoundEntity entity, LegalHold hold) {
    return switch (hold.target()) {
      case LegalHold.Tenant tenant -> {
        if (entity.entity().tenant().isEmpty()) {
          yield null;
        }
        String column = entity.entity().tenant().get();
        Field<Object> field = entity.field(column);
        yield field.isNotNull().and(field.eq(entity.valueFor(column, tenant.tenant())));
      }
      case LegalHold.Row row ->
          row.entity().equals(entity.name())
              ? entity.key().eq(entity.keyFromText(row.key()))
              : null;
      case LegalHold.OnIdentity ignored -> null;
    };
  }
}
