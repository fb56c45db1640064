package dev.lethe.core.verify;

import dev.lethe.core.datamap.Retained;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.state.RunStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

/**
 * The verifier's look at the rows a run detached, anonymized or retained, read back by the keys it
 * recorded of them.
 */
final class UpdatedRows {

  private final DSLContext dsl;
  private final BoundMap bound;

  UpdatedRows(DSLContext dsl, BoundMap bound) {
    this.dsl = dsl;
    this.bound = bound;
  }

  private static final List<Outcome> UPDATES =
      List.of(Outcome.DETACHED, Outcome.ANONYMIZED, Outcome.RETAINED);

  /**
   * Reads back the rows the run detached, anonymized or retained: counts those that still exist
   * (rows deleted later in the run are not counted twice), checks that rewritten rows no longer
   * contain the subject's identities, and finds the last date retained rows may be kept.
   */
  Updated check(
      String runId,
      Map<String, Set<Outcome>> recorded,
      List<Identity> identities,
      List<String> problems) {
    Updated updated = new Updated(new LinkedHashMap<>(), new HashMap<>());
    for (BoundEntity entity :
        bound.map().entities().keySet().stream().map(bound::entity).toList()) {
      List<Field<?>> fields = anonymizedFields(entity);
      Set<Outcome> outcomes = recorded.getOrDefault(entity.name(), Set.of());
      for (Outcome outcome : UPDATES) {
        if (!outcomes.contains(outcome)) {
          continue;
        }
        String after = null;
        while (true) {
          List<String> keys = RunStore.updatedKeys(dsl, runId, entity.name(), outcome, after, 500);
          if (keys.isEmpty()) {
            break;
          }
          after = keys.get(keys.size() - 1);
          for (Record row :
              dsl.select(fields)
                  .from(entity.table())
                  .where(entity.key().in(entity.keysFromText(keys)))
                  .fetch()) {
            updated.count(entity.name(), outcome);
            if (outcome != Outcome.DETACHED) {
              checkRow(entity, row, identities, problems);
            }
            if (outcome == Outcome.RETAINED) {
              retainedUntil(entity, row).ifPresent(d -> updated.until(entity.name(), d));
            }
          }
        }
      }
    }
    return updated;
  }

  record Updated(Map<String, Map<Outcome, Long>> counts, Map<String, LocalDate> until) {
    void count(String entity, Outcome outcome) {
      counts
          .computeIfAbsent(entity, e -> new java.util.EnumMap<>(Outcome.class))
          .merge(outcome, 1L, Long::sum);
    }

    void until(String entity, LocalDate date) {
      until.merge(entity, date, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  private static List<Field<?>> anonymizedFields(BoundEntity entity) {
    List<Field<?>> fields = new ArrayList<>();
    fields.add(entity.key());
    entity.entity().identities().forEach(c -> fields.add(entity.text(c.column())));
    entity
        .entity()
        .parents()
        .forEach(r -> r.set().keySet().forEach(c -> fields.add(entity.text(c))));
    entity
        .entity()
        .retained()
        .ifPresent(
            r -> {
              r.anonymize().keySet().forEach(c -> fields.add(entity.text(c)));
              fields.add(entity.field(r.since()));
            });
    return fields;
  }

  private static void checkRow(
      BoundEntity entity, Record row, List<Identity> identities, List<String> problems) {
    for (int i = 1; i < row.size(); i++) {
      Object value = row.get(i);
      if (!(value instanceof String text)) {
        continue;
      }
      String folded = text.toLowerCase(Locale.ROOT);
      for (Identity identity : identities) {
        if (identity.kind() != IdentityKind.IDS
            && folded.contains(identity.value().toLowerCase(Locale.ROOT))) {
          problems.add(
              entity.name()
                  + "."
                  + row.field(i).getName()
                  + ": an anonymized row still contains the subject's "
                  + identity.kind().code());
        }
      }
    }
  }

  private static java.util.Optional<LocalDate> retainedUntil(BoundEntity entity, Record row) {
    java.util.Optional<Retained> retained = entity.entity().retained();
    if (retained.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object since = row.get(row.size() - 1);
    LocalDate date =
        switch (since) {
          case java.time.LocalDateTime t -> t.toLocalDate();
          case java.time.OffsetDateTime t -> t.toLocalDate();
          case LocalDate d -> d;
          case null, default -> null;
        };
    return java.util.Optional.ofNullable(date).map(d -> d.plus(retained.get().keepFor()));
  }
}
