package dev.lethe.core.datamap;

import java.time.Period;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A legally retained entity: its rows survive a deletion of their parents, anonymized, until {@code
 * since + keepFor}.
 *
 * @param basis the legal basis, shown on receipts and status pages
 * @param since the timestamp column the retention period runs from
 */
public record Retained(
    String basis, Period keepFor, String since, Map<String, Anonymization> anonymize) {
  public Retained {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(keepFor, "keepFor");
    Objects.requireNonNull(since, "since");
    anonymize =
        anonymize == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(anonymize));
  }
}
