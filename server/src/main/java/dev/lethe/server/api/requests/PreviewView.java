package dev.lethe.server.api.requests;

import dev.lethe.core.plan.EntityCount;
import dev.lethe.core.plan.Preview;
import dev.lethe.core.receipt.Outcome;
import java.util.List;

/** Exact counts of what a request would do, per entity: the preview shown before execution. */
record PreviewView(boolean nothingFound, Totals totals, List<Line> entities) {

  record Totals(long deleted, long detached, long anonymized, long retained, long held) {}

  record Line(
      String entity, long deleted, long detached, long anonymized, long retained, long held) {}

  static PreviewView of(Preview preview) {
    return new PreviewView(
        preview.nothingFound(),
        new Totals(
            preview.total(Outcome.DELETED),
            preview.total(Outcome.DETACHED),
            preview.total(Outcome.ANONYMIZED),
            preview.total(Outcome.RETAINED),
            preview.total(Outcome.HELD)),
        preview.entities().stream().filter(e -> e.total() > 0).map(PreviewView::line).toList());
  }

  private static Line line(EntityCount e) {
    return new Line(
        e.entity(),
        e.get(Outcome.DELETED),
        e.get(Outcome.DETACHED),
        e.get(Outcome.ANONYMIZED),
        e.get(Outcome.RETAINED),
        e.get(Outcome.HELD));
  }
}
