package dev.lethe.core.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a {@link CoverageScan}: its findings, as text or JSON, and a draft data map. */
public final class ScanReport {

  /** Exit code for a scan without findings. */
  public static final int EXIT_CLEAN = 0;

  /** Exit code for a scan with at least one finding. */
  public static final int EXIT_FINDINGS = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Finding> findings;
  private final DataMapSuggestion suggestion;

  ScanReport(List<Finding> findings, DataMapSuggestion suggestion) {
    this.findings = List.copyOf(findings);
    this.suggestion = suggestion;
  }

  /** Every finding, grouped by kind, then by table and column. */
  public List<Finding> findings() {
    return findings;
  }

  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** True when the scan found nothing the map leaves uncovered. */
  public boolean clean() {
    return findings.isEmpty();
  }

  /**
   * What {@code lethe scan} exits with: {@value #EXIT_CLEAN} when clean, else {@value
   * #EXIT_FINDINGS}.
   */
  public int exitCode() {
    return clean() ? EXIT_CLEAN : EXIT_FINDINGS;
  }

  /** A human report: one section per kind, one finding per line, and a summary line. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Finding.Kind kind : Finding.Kind.values()) {
      List<Finding> ofKind = findings(kind);
      if (ofKind.isEmpty()) {
        continue;
      }
      out.append(kind.title()).append(" (").append(ofKind.size()).append(")\n");
      boolean sharedHint = ofKind.stream().map(Finding::hint).distinct().count() == 1;
      if (sharedHint) {
        ofKind.get(0).hint().ifPresent(h -> out.append("  Fix: ").append(h).append('\n'));
      }
      for (Finding finding : ofKind) {
        out.append("  ").append(finding.location());
        finding.target().ifPresent(t -> out.append(" -> ").append(t));
        out.append(": ").append(finding.message());
        if (!sharedHint) {
          finding.hint().ifPresent(h -> out.append(". Fix: ").append(h));
        }
        out.append('\n');
      }
      out.append('\n');
    }
    out.append(summary()).append('\n');
    return out.toString();
  }

  /** The summary line: the number of findings of each kind. */
  public String summary() {
    if (clean()) {
      return "Clean: the data map covers every table, personal-looking column, reference and"
          + " lookup index the scan checks.";
    }
    StringBuilder out = new StringBuilder();
    out.append(findings.size()).append(findings.size() == 1 ? " finding: " : " findings: ");
    String separator = "";
    for (Map.Entry<Finding.Kind, Integer> count : counts().entrySet()) {
      out.append(separator)
          .append(count.getValue())
          .append(' ')
          .append(noun(count.getKey(), count.getValue()));
      separator = ", ";
    }
    return out.append('.').toString();
  }

  /**
   * The findings as a JSON document: {@code clean}, {@code exitCode}, {@code counts}, {@code
   * findings}.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("clean", clean());
    root.put("exitCode", exitCode());
    ObjectNode counts = root.putObject("counts");
    for (Finding.Kind kind : Finding.Kind.values()) {
      counts.put(kind.name(), findings(kind).size());
    }
    ArrayNode list = root.putArray("findings");
    for (Finding finding : findings) {
      ObjectNode node = list.addObject();
      node.put("kind", finding.kind().name());
      node.put("table", finding.table());
      ArrayNode columns = node.putArray("columns");
      finding.columns().forEach(columns::add);
      finding.target().ifPresent(t -> node.put("target", t));
      node.put("message", finding.message());
      finding.hint().ifPresent(h -> node.put("hint", h));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A starting data map (YAML, docs/datamap.md format) with an entity for each table the map does
   * not mention, its guesses marked for review.
   */
  public String suggestDataMap() {
    return suggestion.yaml();
  }

  private Map<Finding.Kind, Integer> counts() {
    Map<Finding.Kind, Integer> counts = new EnumMap<>(Finding.Kind.class);
    findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
    return counts;
  }

  private static String noun(Finding.Kind kind, int count) {
    boolean one = count == 1;
    return switch (kind) {
      case UNMAPPED_TABLE -> one ? "unmapped table" : "unmapped tables";
      case UNCOVERED_PERSONAL_COLUMN ->
          one ? "uncovered personal column" : "uncovered personal columns";
      case UNDECLARED_RELATION -> one ? "undeclared relation" : "undeclared relations";
      case MISSING_INDEX -> one ? "missing index" : "missing indexes";
    };
  }
}
