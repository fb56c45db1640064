package dev.lethe.cli;

import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.Preview;
import dev.lethe.core.receipt.Outcome;

/** A plan for terminals: what it is, the preview table and the totals. */
final class PreviewText {

  private PreviewText() {}

  static String write(Plan plan) {
    Preview preview = plan.preview();
    StringBuilder out = new StringBuilder();
    out.append("plan: scope ").append(plan.request().scope());
    plan.request().workspace().ifPresent(w -> out.append(", workspace ").append(w));
    out.append(" (dry run, nothing was changed)\n\n");
    out.append(preview.toText());
    if (!preview.nothingFound()) {
      out.append(
          String.format(
              "%ntotal: %d deleted, %d detached, %d anonymized, %d retained, %d held%n",
              preview.total(Outcome.DELETED),
              preview.total(Outcome.DETACHED),
              preview.total(Outcome.ANONYMIZED),
              preview.total(Outcome.RETAINED),
              preview.total(Outcome.HELD)));
    }
    return out.toString();
  }
}
