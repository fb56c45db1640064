package dev.lethe.core.plan;

import dev.lethe.core.receipt.Outcome;
import java.util.List;

/** Exact counts of what executing a plan would do, per entity and outcome. */
public record Preview(List<EntityCount> entities) {
  public Preview {
    entities = List.copyOf(entities);
  }

  public long total(Outcome outcome) {
    return entities.stream().mapToLong(e -> e.get(outcome)).sum();
  }

  public boolean nothingFound() {
    return entities.stream().allMatch(e -> e.total() == 0);
  }

  /** One line per entity with anything to do, for terminals. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%-24s %10s %10s %10s %10s %10s%n",
            "entity", "deleted", "detached", "anonymized", "retained", "held"));
    for (EntityCount e : entities) {
      if (e.total() == 0) {
        continue;
      }
      out.append(
          String.format(
              "%-24s %10d %10d %10d %10d %10d%n",
              e.entity(),
              e.get(Outcome.DELETED),
              e.get(Outcome.DETACHED),
              e.get(Outcome.ANONYMIZED),
              e.get(Outcome.RETAINED),
              e.get(Outcome.HELD)));
    }
    if (nothingFound()) {
      out.append("nothing found: no row of the data map matches this request\n");
    }
    return out.toString();
  }
}
