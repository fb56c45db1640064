package dev.lethe.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.execute.Executor;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.retention.RetentionOutcome;
import dev.lethe.core.retention.RetentionSweep;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.core.sql.TimeOrderedIds;
import dev.lethe.core.state.RunRecord;
import dev.lethe.core.state.RunStatus;
import dev.lethe.core.state.RunStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retention sweeps, each rule a run of its own with its counts and outcome stored. */
final class RetentionRuns {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionRuns.class);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final BoundMap bound;
  private final RunStore runs;
  private final Executor executor;
  private final Clock clock;

  RetentionRuns(BoundMap bound, RunStore runs, Executor executor, Clock clock) {
    this.bound = bound;
    this.runs = runs;
    this.executor = executor;
    this.clock = clock;
  }

  List<RetentionOutcome> sweep(Optional<String> ruleName, HeldRows held) {
    List<RetentionOutcome> outcomes = new ArrayList<>();
    for (RetentionRule rule : rules(ruleName)) {
      outcomes.add(sweep(rule, held));
    }
    return outcomes;
  }

  private List<RetentionRule> rules(Optional<String> ruleName) {
    List<RetentionRule> all = bound.map().retention();
    List<RetentionRule> rules =
        all.stream().filter(r -> ruleName.map(r.name()::equals).orElse(true)).toList();
    if (ruleName.isPresent() && rules.isEmpty()) {
      throw new RequestException(
          "no retention rule named '"
              + ruleName.get()
              + "' (rules: "
              + String.join(", ", all.stream().map(RetentionRule::name).toList())
              + ")");
    }
    return rules;
  }

  private RetentionOutcome sweep(RetentionRule rule, HeldRows held) {
    Instant started = clock.instant();
    Instant cutoff = RetentionSweep.cutoff(rule, started);
    String id = TimeOrderedIds.next().toString();
    runs.create(
        RunRecord.planned(
            id,
            "retention",
            rule.name(),
            Optional.empty(),
            bound.map(),
            Optional.empty(),
            "[]",
            json(Map.of("cutoff", cutoff.toString())),
            started));
    runs.transition(id, 0, RunStatus.RUNNING, started);
    try {
      int pending = new RetentionSweep(bound, executor).apply(id, rule, cutoff, held);
      if (pending > 0) {
        throw new FilesPendingException(id, pending);
      }
    } catch (RuntimeException e) {
      runs.fail(id, RunFailure.describe(e));
      RunFailure.log(LOG, id, rule.name(), e);
      throw e;
    }
    RetentionOutcome outcome =
        new RetentionOutcome(
            rule.name(),
            id,
            cutoff,
            runs.counts(id),
            runs.files().deletedFiles(id),
            started,
            clock.instant());
    runs.completion().complete(id, json(outcome), clock.instant());
    LOG.info("retention rule {} applied in run {}", rule.name(), id);
    return outcome;
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
