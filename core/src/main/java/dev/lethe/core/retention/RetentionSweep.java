package dev.lethe.core.retention;

import dev.lethe.core.datamap.RetentionRule;
import dev.lethe.core.execute.Executor;
import dev.lethe.core.execute.Pace;
import dev.lethe.core.hold.HeldRows;
import dev.lethe.core.plan.Node;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.BoundMap;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jooq.Condition;

/**
 * Applies one retention rule: rows whose timestamp is older than the rule's age are deleted (with
 * everything below them, in the same batches as an erasure) or anonymized. Held rows stay. After
 * each page the sweep waits as the rule's pause ratio and rate say ({@link Pace}), leaving the
 * database to the application; a rule's {@code batch} keeps its pages at most that many rows.
 */
public final class RetentionSweep {

  private final BoundMap bound;
  private final Executor executor;

  public RetentionSweep(BoundMap bound, Executor executor) {
    this.bound = bound;
    this.executor = executor;
  }

  /** The instant before which a rule's rows have aged out, seen at {@code now}. */
  public static Instant cutoff(RetentionRule rule, Instant now) {
    return now.atZone(ZoneOffset.UTC).minus(rule.maxAge()).toInstant();
  }

  /** Applies {@code rule}; returns the number of files still pending. */
  public int apply(String runId, RetentionRule rule, Instant cutoff, HeldRows held) {
    BoundEntity entity = bound.entity(rule.entity());
    Condition aged = entity.field(rule.column()).lt(entity.timeFor(rule.column(), cutoff));
    Pace pace = Pace.of(rule.pauseRatio(), rule.maxRowsPerSecond());
    Executor executor =
        rule.batch() > 0 ? this.executor.withBatchesOfAtMost(rule.batch()) : this.executor;
    return switch (rule.action()) {
      case DELETE -> executor.deleteWhere(runId, Node.root(bound, rule.entity()), aged, held, pace);
      case ANONYMIZE -> {
        executor.anonymizeWhere(runId, entity, rule.set(), aged, held, pace);
        yield 0;
      }
    };
  }
}
