package dev.lethe.core.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one request's runs did, together: a request held by a legal hold runs again once the hold is
 * lifted, and people are told the sum. Per entity: rows deleted (detached rows count as deleted:
 * nothing of the person is left in them), anonymized, retained (with the legal basis and the last
 * date), and held (with the holds' ids).
 */
public record ReceiptSummary(
    List<Line> lines,
    Optional<Instant> finishedAt,
    Optional<Instant> backupsClearedBy,
    boolean verified) {

  /** One entity's outcome over all runs. */
  public record Line(
      String entity,
      long deleted,
      long anonymized,
      long retained,
      long held,
      String retentionBasis,
      LocalDate retainedUntil,
      List<String> holds) {}

  public ReceiptSummary {
    lines = List.copyOf(lines);
  }

  public static ReceiptSummary of(List<Receipt> receipts) {
    Map<String, Line> byEntity = new LinkedHashMap<>();
    List<Receipt> ordered = new ArrayList<>(receipts);
    ordered.sort(Comparator.comparing(Receipt::finishedAt));
    for (int i = 0; i < ordered.size(); i++) {
      boolean last = i == ordered.size() - 1;
      for (EntityOutcome e : ordered.get(i).entities()) {
        byEntity.merge(e.entity(), line(e, last), (a, b) -> add(a, b));
      }
    }
    Optional<Receipt> latest =
        ordered.isEmpty() ? Optional.empty() : Optional.of(ordered.getLast());
    return new ReceiptSummary(
        byEntity.values().stream().filter(ReceiptSummary::anything).toList(),
        latest.map(Receipt::finishedAt),
        latest.map(Receipt::backupsClearedBy),
        latest.map(r -> r.verification() != null && r.verification().passed()).orElse(false));
  }

  /**
   * Held and retained rows of earlier runs were looked at again by the later ones: count the last.
   */
  private static Line line(EntityOutcome e, boolean last) {
    return new Line(
        e.entity(),
        e.deleted() + e.detached(),
        e.anonymized(),
        last ? e.retained() : 0,
        last ? e.held() : 0,
        last ? e.retentionBasis() : null,
        last ? e.retainedUntil() : null,
        last ? e.holds() : List.of());
  }

  private static Line add(Line a, Line b) {
    Set<String> holds = new LinkedHashSet<>(a.holds());
    holds.addAll(b.holds());
    return new Line(
        a.entity(),
        a.deleted() + b.deleted(),
        a.anonymized() + b.anonymized(),
        a.retained() + b.retained(),
        a.held() + b.held(),
        b.retentionBasis() != null ? b.retentionBasis() : a.retentionBasis(),
        b.retainedUntil() != null ? b.retainedUntil() : a.retainedUntil(),
        List.copyOf(holds));
  }

  private static boolean anything(Line l) {
    return l.deleted() + l.anonymized() + l.retained() + l.held() > 0;
  }

  /** Rows per outcome; detached rows are counted as deleted. */
  public long total(Outcome outcome) {
    return lines.stream()
        .mapToLong(
            l ->
                switch (outcome) {
                  case DELETED -> l.deleted();
                  case DETACHED -> 0;
                  case ANONYMIZED -> l.anonymized();
                  case RETAINED -> l.retained();
                  case HELD -> l.held();
                })
        .sum();
  }
}
