package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake ends in a short explanation on stderr and a documented exit code. */
class CommandLineErrorsTest {

  private static TestDatabase db;

  @BeforeAll
  static void createTheSchema() {
    db = TestDatabase.create(TestDatabase.Kind.H2);
    ReferencePlatform.createSchema(db.dataSource());
  }

  @AfterAll
  static void dropIt() {
    db.close();
  }

  private static Cli.Result plan(String... request) {
    String[] args = new String[request.length + 3];
    args[0] = "plan";
    args[1] = "--db";
    args[2] = db.url();
    System.arraycopy(request, 0, args, 3, request.length);
    return Cli.run(args);
  }

  private static void assertOneLineWithoutStackTrace(Cli.Result result, int exitCode) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
    assertThat(result.errLines()).singleElement().asString().startsWith("lethe: ");
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void an_unknown_scope_is_named_with_the_scopes_there_are() {
    Cli.Result result = plan("--scope", "customer", "--identity", "email=someone@example.com");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("no scope named 'customer'").contains("contact");
  }

  @Test
  void an_unknown_identity_kind_is_named_with_the_kinds_there_are() {
    Cli.Result result =
        plan("--scope", "contact", "--workspace", "1", "--identity", "mail=someone@example.com");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("unknown identity kind 'mail'").contains("email, phone");
  }

  @Test
  void an_identity_value_is_never_echoed() {
    Cli.Result result =
        plan("--scope", "contact", "--workspace", "1", "--identity", "email=not-an-address");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).doesNotContain("not-an-address");
  }

  @Test
  void a_tenant_bound_scope_without_a_workspace_is_bad_input() {
    Cli.Result result = plan("--scope", "contact", "--identity", "email=someone@example.com");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("needs a workspace");
  }

  @Test
  void an_unreachable_database_exits_3() {
    Cli.Result result =
        Cli.run(
            "plan",
            "--db",
            "jdbc:postgresql://127.0.0.1:1/x",
            "--scope",
            "contact",
            "--workspace",
            "1",
            "--identity",
            "email=someone@example.com");

    assertOneLineWithoutStackTrace(result, 3);
    assertThat(result.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/x");
  }

  @Test
  void an_unsupported_url_is_bad_input() {
    Cli.Result result = Cli.run("scan", "--db", "jdbc:oracle:thin:@x:1521/y");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("unsupported database URL");
  }

  @Test
  void a_malformed_map_lists_its_problems_with_file_and_line(@TempDir Path dir) throws Exception {
    Path map = dir.resolve("broken.yaml");
    Files.writeString(
        map,
        """
        version: 1
        name: broken
        entities:
          contacts:
            identities: { email: mail }
            on_delet: cascade
        scopes:
          contact:
            roots:
              - entity: contacts
                identified_by: [email]
        """);

    Cli.Result result =
        plan("--datamap", map.toString(), "--scope", "contact", "--identity", "email=a@b.c");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(l -> l.startsWith("lethe: "));
    assertThat(result.err())
        .contains("broken.yaml:5:")
        .contains("broken.yaml:6:")
        .doesNotContain("\tat ");
  }

  @Test
  void a_missing_map_file_is_bad_input(@TempDir Path dir) {
    Cli.Result result =
        plan("--datamap", dir.resolve("nope.yaml").toString(), "--scope", "contact");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("cannot read the data map");
  }

  @Test
  void an_unknown_option_is_bad_input_with_a_pointer_to_help() {
    Cli.Result result = plan("--scope", "contact", "--dry-run");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("--dry-run").contains("lethe plan --help");
  }

  @Test
  void a_malformed_anchor_is_bad_input_before_the_database_is_opened() {
    Cli.Result result =
        Cli.run("ledger", "verify", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--anchor", "12");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("--anchor: an anchor reads seq:hash");
  }

  @Test
  void ledger_without_a_command_is_bad_input() {
    Cli.Result result = Cli.run("ledger");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("verify or head");
  }

  @Test
  void a_value_after_a_misspelled_option_is_not_echoed() {
    Cli.Result result =
        Cli.run(
            "meta", "import", "list.csv", "--url", "http://127.0.0.1:1", "--apikey", "lethe_a_b");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err())
        .contains("unknown option '--apikey' (and 1 more argument, not shown)")
        .contains("did you mean --api-key?")
        .doesNotContain("lethe_a_b");
  }

  @Test
  void an_identity_after_a_misspelled_option_is_not_echoed() {
    Cli.Result result = plan("--scope", "contact", "--identiy=email=someone@example.com");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("'--identiy'").doesNotContain("someone@example.com");
  }

  @Test
  void meta_without_a_command_is_bad_input() {
    Cli.Result result = Cli.run("meta");

    assertOneLineWithoutStackTrace(result, 2);
    assertThat(result.err()).contains("missing a command: import");
  }

  @Test
  void no_command_is_bad_input() {
    assertOneLineWithoutStackTrace(Cli.run(), 2);
  }

  @Test
  void debug_prints_the_stack_trace() {
    Cli.Result result = Cli.run("scan", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--debug");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("\tat ");
  }

  @Test
  void the_user_comes_from_the_environment_when_no_option_names_it() {
    Cli.Result result = Cli.run(Map.of("LETHE_DB_USER", "intruder"), "scan", "--db", db.url());

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err()).contains("cannot connect");
  }

  @Test
  void help_lists_every_command_with_a_line_each() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("sample-platform")
        .contains("plan ")
        .contains("erase ")
        .contains("resume ")
        .contains("retention ")
        .contains("scan ")
        .contains("ledger ")
        .contains("meta ")
        .contains("api-key ")
        .contains("Exit codes");
  }

  @Test
  void a_new_api_key_is_printed_in_the_services_format_and_differs_each_time() {
    Cli.Result first = Cli.run("api-key", "new");
    Cli.Result second = Cli.run("api-key", "new");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out().strip()).matches("lethe_[0-9A-HJKMNP-TV-Z]{16}_[0-9A-HJKMNP-TV-Z]{32}");
    assertThat(second.out().strip()).isNotEqualTo(first.out().strip());
  }

  @Test
  void version_names_the_release() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("lethe ").doesNotContain("unknown");
  }
}
