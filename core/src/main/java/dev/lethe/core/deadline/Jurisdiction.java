package dev.lethe.core.deadline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The regimes whose deletion deadlines Lethe encodes. Each constant is data: its legal limits and
 * the citation shown to operators. A regime without a limit leaves the product's promise in charge.
 */
public enum Jurisdiction {
  GDPR(
      "GDPR (Regulation (EU) 2016/679) Art. 12(3) and Art. 17",
      null,
      new LegalLimit(Span.months(1), "GDPR Art. 12(3): within one month of receipt"),
      new LegalExtension(
          Span.months(2),
          "GDPR Art. 12(3): two further months where necessary; the person told, with reasons,"
              + " within one month of receipt")),

  CCPA(
      "CCPA/CPRA, Cal. Code Regs. tit. 11 §7021",
      new LegalLimit(
          Span.businessDays(10), "CCPA 11 CCR §7021(a): confirm receipt within 10 business days"),
      new LegalLimit(
          Span.days(45),
          "CCPA 11 CCR §7021(b): 45 calendar days from receipt, whatever the time to verify"),
      new LegalExtension(
          Span.days(45),
          "CCPA 11 CCR §7021(b): up to 45 more calendar days (90 in total), with notice and reasons"
              + " within the first 45 days")),

  DPDP(
      "India, DPDP Act 2023 s.8(7), s.12(3), s.13 and DPDP Rules 2025",
      null,
      new LegalLimit(
          Span.days(90),
          "DPDP Act 2023 s.12(3) sets no period for erasure; bounded here by the 90 days the DPDP"
              + " Rules 2025 allow for answering a grievance"),
      null),

  UU_PDP(
      "Indonesia, UU PDP (Law 27/2022) Art. 8, 43, 44, 45: no period for erasure (the 3×24 hour"
          + " limits are for access, restriction and stopping processing); Art. 45 requires"
          + " telling the person of the deletion. The product's promise governs.",
      null,
      null,
      null),

  LGPD(
      "Brazil, LGPD (Law 13.709/2018) Art. 18 §5: periods are left to regulation and none is fixed"
          + " for erasure (Art. 19 II's 15 days is for a full access statement); recipients must be"
          + " told at once (Art. 18 §6). The product's promise governs.",
      null,
      null,
      null),

  OTHER("No regime encoded: the product's promise governs.", null, null, null);

  private final String citation;
  private final LegalLimit acknowledge;
  private final LegalLimit complete;
  private final LegalExtension extension;

  Jurisdiction(
      String citation, LegalLimit acknowledge, LegalLimit complete, LegalExtension extension) {
    this.citation = citation;
    this.acknowledge = acknowledge;
    this.complete = complete;
    this.extension = extension;
  }

  /** Region codes people write for a regime, beside the regime's own name. */
  private static final Map<String, Jurisdiction> ALIASES =
      Map.of(
          "EU", GDPR, "EEA", GDPR, "UK", GDPR, "US-CA", CCPA, "IN", DPDP, "ID", UU_PDP, "BR", LGPD);

  private static final Map<String, Jurisdiction> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, j -> j));

  /**
   * The regime named by a code: its own name ({@code GDPR}, {@code UU_PDP}, …, case-insensitive,
   * {@code -} for {@code _}) or a region ({@code EU}, {@code EEA}, {@code UK}, {@code US-CA},
   * {@code IN}, {@code ID}, {@code BR}); empty for anything else.
   */
  public static Optional<Jurisdiction> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toUpperCase(Locale.ROOT);
    if (ALIASES.containsKey(wanted)) {
      return Optional.of(ALIASES.get(wanted));
    }
    return Optional.ofNullable(BY_NAME.get(wanted.replace('-', '_')));
  }

  /** Every code {@link #fromCode} reads, for error messages. */
  public static String knownCodes() {
    return String.join(", ", Arrays.stream(values()).map(Enum::name).toList())
        + " (or a region: EU, EEA, UK, US-CA, IN, ID, BR)";
  }

  /** The regime as a whole, for operators: what it says about deletion deadlines. */
  public String citation() {
    return citation;
  }

  public Optional<LegalLimit> acknowledge() {
    return Optional.ofNullable(acknowledge);
  }

  public Optional<LegalLimit> complete() {
    return Optional.ofNullable(complete);
  }

  public Optional<LegalExtension> extension() {
    return Optional.ofNullable(extension);
  }
}
