package dev.lethe.core.execute;

import dev.lethe.core.plan.Node;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.state.BatchRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * The statements of one page's transaction, in order (file keys recorded before their rows go,
 * updated keys recorded before their rows change, children before parents), sent to the database as
 * one JDBC batch: one round trip instead of one per statement. Then the deleted counts and the
 * batch number, in a second.
 */
final class PageStatements {

  private enum Kind {
    FILES,
    DELETE,
    OTHER
  }

  private record Step(Query query, Kind kind, String entity) {}

  private final DSLContext tx;
  private final String runId;
  private final RowWriter writer;
  private final List<Step> steps = new ArrayList<>();

  PageStatements(DSLContext tx, String runId, RowWriter writer) {
    this.tx = tx;
    this.runId = runId;
    this.writer = writer;
  }

  /** Detaches, anonymizes or retains the rows {@code where} selects, recording their keys first. */
  void update(Node.Edge edge, Condition where) {
    BoundEntity child = edge.child();
    steps.add(
        new Step(
            BatchRecords.recordUpdatedQuery(
                tx,
                runId,
                child.name(),
                Outcome.of(edge.action()),
                child.table(),
                child.key(),
                where),
            Kind.OTHER,
            child.name()));
    steps.add(new Step(writer.applyQuery(tx, child, edge.relation(), where), Kind.OTHER, null));
  }

  /** Deletes the rows {@code where} selects, recording their file keys first. */
  void delete(BoundEntity entity, Condition where) {
    for (String column : entity.entity().files()) {
      steps.add(
          new Step(
              BatchRecords.recordFilesQuery(
                  tx, runId, entity.name(), entity.table(), entity.text(column), where),
              Kind.FILES,
              entity.name()));
    }
    steps.add(new Step(tx.deleteFrom(entity.table()).where(where), Kind.DELETE, entity.name()));
  }

  /** Runs the page's statements and ends the batch; returns whether file keys were recorded. */
  boolean execute() {
    int[] counts =
        steps.size() == 1
            ? new int[] {steps.getFirst().query().execute()}
            : tx.batch(steps.stream().map(Step::query).toList()).execute();
    Map<String, Long> deleted = new LinkedHashMap<>();
    boolean files = false;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      switch (step.kind()) {
        case FILES -> files |= counts[i] != 0;
        case DELETE -> deleted.merge(step.entity(), (long) Math.max(0, counts[i]), Long::sum);
        case OTHER -> {}
      }
    }
    BatchRecords.finishBatch(tx, runId, deleted);
    return files;
  }
}
