package dev.lethe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScanReportTest {

  private final Finding unmapped =
      new Finding(
          Finding.Kind.UNMAPPED_TABLE,
          "orders",
          List.of("email"),
          Optional.empty(),
          "not in the data map",
          Optional.of("add an entity for it"));
  private final Finding relation =
      new Finding(
          Finding.Kind.UNDECLARED_RELATION,
          "messages",
          List.of("contact_id"),
          Optional.of("contacts"),
          "leads to contacts",
          Optional.of("declare it"));
  private final Finding index =
      new Finding(
          Finding.Kind.MISSING_INDEX,
          "contacts",
          List.of("wa_id"),
          Optional.empty(),
          "no index",
          Optional.of("create index contacts_wa_id_idx on contacts (wa_id)"));

  @Test
  void a_report_without_findings_is_clean_and_exits_with_zero() {
    ScanReport report = report();

    assertThat(report.clean()).isTrue();
    assertThat(report.exitCode()).isEqualTo(ScanReport.EXIT_CLEAN).isZero();
    assertThat(report.toText()).startsWith("Clean:");
  }

  @Test
  void a_report_with_findings_exits_with_one() {
    assertThat(report(relation).clean()).isFalse();
    assertThat(report(relation).exitCode()).isEqualTo(ScanReport.EXIT_FINDINGS).isOne();
  }

  @Test
  void the_text_groups_findings_by_kind_one_per_line_and_ends_with_a_summary() {
    String text = report(unmapped, relation, index).toText();

    assertThat(text.lines())
        .containsSubsequence(
            "Unmapped tables (1)",
            "  orders: not in the data map",
            "Undeclared relations (1)",
            "  messages.contact_id -> contacts: leads to contacts",
            "Missing indexes (1)",
            "  contacts.wa_id: no index",
            "3 findings: 1 unmapped table, 1 undeclared relation, 1 missing index.");
  }

  @Test
  void hints_differing_within_a_kind_stay_on_their_finding_lines() {
    Finding other =
        new Finding(
            Finding.Kind.UNDECLARED_RELATION,
            "orders",
            List.of("buyer_id"),
            Optional.of("users"),
            "leads to users",
            Optional.of("map users"));

    assertThat(report(relation, other).toText())
        .contains("  messages.contact_id -> contacts: leads to contacts. Fix: declare it\n")
        .contains("  orders.buyer_id -> users: leads to users. Fix: map users\n");
  }

  @Test
  void the_json_carries_every_field_and_the_counts() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report(unmapped, relation).toJson());

    assertThat(json.get("clean").asBoolean()).isFalse();
    assertThat(json.get("exitCode").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("UNDECLARED_RELATION").asInt()).isEqualTo(1);
    assertThat(json.get("counts").get("MISSING_INDEX").asInt()).isZero();
    JsonNode first = json.get("findings").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("UNMAPPED_TABLE");
    assertThat(first.get("columns").get(0).asText()).isEqualTo("email");
    assertThat(first.has("target")).isFalse();
    JsonNode second = json.get("findings").get(1);
    assertThat(second.get("target").asText()).isEqualTo("contacts");
    assertThat(second.get("hint").asText()).isEqualTo("declare it");
  }

  private static ScanReport report(Finding... findings) {
    MappedTables nothing = new MappedTables(CrmMap.empty());
    return new ScanReport(
        List.of(findings), new DataMapSuggestion(List.of(), nothing, new References(List.of())));
  }
}
