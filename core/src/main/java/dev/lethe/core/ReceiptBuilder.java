package dev.lethe.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.receipt.EntityOutcome;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunTallies;
import dev.lethe.core.verify.Verifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Puts a run's counts, verification and retention facts together into its receipt. */
final class ReceiptBuilder {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DataMap map;

  ReceiptBuilder(DataMap map) {
    this.map = map;
  }

  Receipt build(
      RunRecord run,
      Plan remaining,
      RunTallies tallies,
      Verifier.Result result,
      Instant finishedAt) {
    Map<String, Map<Outcome, Long>> counts = tallies.counts();
    List<EntityOutcome> entities = new ArrayList<>();
    for (Entity entity : map.entities().values()) {
      Map<Outcome, Long> c = counts.getOrDefault(entity.name(), Map.of());
      Map<Outcome, Long> u = result.updated().getOrDefault(entity.name(), Map.of());
      long held = result.held().getOrDefault(entity.name(), 0L);
      long retained = u.getOrDefault(Outcome.RETAINED, 0L);
      var outcome =
          new EntityOutcome(
              entity.name(),
              c.getOrDefault(Outcome.DELETED, 0L),
              u.getOrDefault(Outcome.DETACHED, 0L),
              u.getOrDefault(Outcome.ANONYMIZED, 0L),
              retained,
              held,
              retained > 0 ? entity.retained().map(r -> r.basis()).orElse(null) : null,
              retained > 0 ? result.retainedUntil().get(entity.name()) : null,
              held > 0
                  ? List.copyOf(remaining.held().holdIds(boundEntity(remaining, entity)))
                  : List.of());
      if (outcome.total() > 0) {
        entities.add(outcome);
      }
    }
    return new Receipt(
        run.id(),
        run.scope(),
        run.workspace().orElse(null),
        run.dataMapName(),
        run.dataMapFingerprint(),
        hashes(run.subjectHashes()),
        run.startedAt().orElse(run.createdAt()),
        finishedAt,
        entities.isEmpty(),
        entities,
        tallies.deletedFiles(),
        result.verification(),
        null);
  }

  private static dev.lethe.core.sql.BoundEntity boundEntity(Plan plan, Entity entity) {
    return plan.roots().stream()
        .flatMap(r -> r.tree().descendantsAndSelf().stream())
        .flatMap(
            n ->
                java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(n.entity()),
                    n.updates().stream().map(dev.lethe.core.plan.Node.Edge::child)))
        .filter(e -> e.name().equals(entity.name()))
        .findFirst()
        .orElse(null);
  }

  private static List<String> hashes(String json) {
    try {
      return MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored subject hashes are not readable", e);
    }
  }
}
