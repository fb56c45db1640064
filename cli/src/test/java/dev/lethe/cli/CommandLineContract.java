package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a sample platform, run on each database product by a subclass. */
abstract class CommandLineContract {

  @TempDir Path files;

  private TestDatabase db;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void fillTheSamplePlatform() {
    db = TestDatabase.create(kind());
    Cli.Result result = cli("sample-platform", "--files", files.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
  }

  @AfterEach
  void dropTheDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private Cli.Result cli(String command, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = command;
    all[1] = "--db";
    all[2] = db.url();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @Test
  void sample_platform_fills_every_table_and_prints_the_counts() throws Exception {
    assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(60);
    assertThat(count("SELECT COUNT(*) FROM messages")).isEqualTo(2_000);
    try (var written = Files.list(files)) {
      assertThat(written.findAny()).as("files written").isPresent();
    }

    Cli.Result again = cli("sample-platform", "--reset", "--workspaces", "2", "--contacts", "10");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).containsPattern("contacts +10\\n").contains("total rows");
    assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(10);
  }

  @Test
  void sample_platform_refuses_to_fill_an_existing_schema_without_reset() {
    Cli.Result again = cli("sample-platform");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.errLines()).singleElement().asString().contains("--reset");
  }

  @Test
  void plan_prints_what_erasing_a_contact_would_delete_and_changes_nothing() throws Exception {
    Contact contact = aContactWithAnEmail();
    long messages = count("SELECT COUNT(*) FROM messages");
    long matching = contactsWith(contact);

    Cli.Result text =
        cli(
            "plan",
            "--scope",
            "contact",
            "--workspace",
            contact.workspace(),
            "--identity",
            "email=" + contact.email());
    Cli.Result json =
        cli(
            "plan",
            "--scope",
            "contact",
            "--workspace",
            contact.workspace(),
            "--identity",
            "email=" + contact.email(),
            "--json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).containsPattern("\ncontacts +" + matching + " ").contains("total:");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode preview = new ObjectMapper().readTree(json.out());
    assertThat(preview.path("totals").path("deleted").asLong()).isPositive();
    assertThat(json.out() + text.out()).doesNotContain(contact.email());
    assertThat(count("SELECT COUNT(*) FROM messages")).isEqualTo(messages);
    assertThat(contactsWith(contact)).isEqualTo(matching);
  }

  @Test
  void erase_deletes_the_contact_and_prints_a_receipt_without_the_address() throws Exception {
    Contact contact = aContactWithAnEmail();

    Cli.Result result =
        cli(
            "erase",
            "--files",
            files.toString(),
            "--scope",
            "contact",
            "--workspace",
            contact.workspace(),
            "--identity",
            "email=" + contact.email().toUpperCase(java.util.Locale.ROOT));

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode receipt = new ObjectMapper().readTree(result.out());
    assertThat(receipt.path("verification").path("passed").asBoolean()).isTrue();
    assertThat(receipt.path("scope").asText()).isEqualTo("contact");
    assertThat(result.out().toLowerCase(java.util.Locale.ROOT)).doesNotContain(contact.email());
    assertThat(contactsWith(contact)).isZero();
  }

  @Test
  void an_erasure_whose_files_cannot_be_deleted_stops_and_resume_completes_it() throws Exception {
    Contact contact = aContactWithAnEmail();

    Cli.Result stopped =
        cli(
            "erase",
            "--scope",
            "contact",
            "--workspace",
            contact.workspace(),
            "--identity",
            "email=" + contact.email());

    assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(4);
    assertThat(stopped.out()).isEmpty();
    var hint = java.util.regex.Pattern.compile("lethe resume --run (\\S+)").matcher(stopped.err());
    assertThat(hint.find()).as(stopped.err()).isTrue();
    assertThat(stopped.err()).contains("could not be deleted yet").doesNotContain(contact.email());

    Cli.Result resumed = cli("resume", "--run", hint.group(1), "--files", files.toString());

    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    JsonNode receipt = new ObjectMapper().readTree(resumed.out());
    assertThat(receipt.path("runId").asText()).isEqualTo(hint.group(1));
    assertThat(receipt.path("verification").path("passed").asBoolean()).isTrue();
    assertThat(contactsWith(contact)).isZero();
  }

  @Test
  void retention_prints_one_line_per_rule_with_its_counts() {
    Cli.Result result = cli("retention", "--files", files.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("rule")
        .containsPattern("messages_13_months +\\S+ +[1-9][0-9]* ")
        .contains("invoices_7_years");
  }

  @Test
  void retention_of_one_rule_applies_only_that_rule() {
    Cli.Result result =
        cli("retention", "--files", files.toString(), "--rule", "audit_logs_12_months");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("audit_logs_12_months").doesNotContain("messages_13_months");
  }

  @Test
  void scan_exits_0_when_the_map_covers_the_schema(@TempDir Path dir) throws Exception {
    Path map = dir.resolve("complete.yaml");
    Files.writeString(map, CompleteMap.text());

    Cli.Result result = cli("scan", "--datamap", map.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).startsWith("Clean");
  }

  @Test
  void scan_without_a_map_reports_every_table_exits_1_and_drafts_a_map() {
    Cli.Result report = cli("scan", "--no-datamap", "--json");
    Cli.Result draft = cli("scan", "--no-datamap", "--suggest");

    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.out()).contains("\"UNMAPPED_TABLE\" : " + ReferencePlatform.TABLES.size());
    assertThat(draft.exitCode()).isEqualTo(1);
    assertThat(draft.out()).contains("entities:").contains("  contacts:");
    assertThat(draft.err()).contains("unmapped tables");
  }

  private record Contact(String workspace, String email) {}

  private Contact aContactWithAnEmail() throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT workspace_id, email FROM contacts WHERE email IS NOT NULL ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      return new Contact(rs.getString(1), rs.getString(2));
    }
  }

  private long contactsWith(Contact contact) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND email = ?")) {
      s.setLong(1, Long.parseLong(contact.workspace()));
      s.setString(2, contact.email());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
