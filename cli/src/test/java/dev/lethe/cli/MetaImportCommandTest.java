package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lethe meta import} against a real HTTP server standing in for Lethe's service. */
class MetaImportCommandTest {

  private static final String KEY = "lethe_k7f3a_Zx9sQpL2mN4vB8cR1tY6";
  private static final List<String> IDS =
      List.of("10229384756102938", "3344556677889900", "7788990011223344");

  /** Meta's list as e-mailed: a header, three ids, one of them twice, and a spreadsheet's mess. */
  private static final String LIST =
      "App-Scoped User ID\r\n"
          + IDS.get(0)
          + "\r\n"
          + IDS.get(1)
          + "\r\n"
          + IDS.get(0)
          + "\r\n"
          + "1.02293E+16\r\n"
          + IDS.get(2)
          + "\r\n";

  @TempDir Path dir;
  private StubService service;
  private Path list;

  @BeforeEach
  void startTheService() throws Exception {
    service = StubService.start(KEY);
    list = dir.resolve("deletion-requests.csv");
    Files.writeString(list, LIST, StandardCharsets.UTF_8);
  }

  @AfterEach
  void stopIt() {
    service.close();
  }

  private Cli.Result importList(String... extra) {
    String[] args = new String[extra.length + 7];
    System.arraycopy(
        new String[] {"meta", "import", list.toString(), "--url", service.url(), "--api-key", KEY},
        0,
        args,
        0,
        7);
    System.arraycopy(extra, 0, args, 7, extra.length);
    return Cli.run(args);
  }

  private static void assertNoIdNorKey(Cli.Result result) {
    String printed = result.out() + result.err();
    assertThat(printed).doesNotContain(KEY).doesNotContain("Zx9sQpL2mN4vB8cR1tY6");
    for (String id : IDS) {
      assertThat(printed).doesNotContain(id);
    }
    assertThat(printed).doesNotContain("1.02293E+16");
  }

  @Test
  void a_list_is_sent_as_it_came_and_the_summary_printed() throws Exception {
    Cli.Result result = importList();

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(service.received())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.method()).isEqualTo("POST");
              assertThat(request.path()).isEqualTo("/v1/meta/user-id-lists");
              assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
              assertThat(request.contentType()).startsWith("text/csv");
              assertThat(request.body()).isEqualTo(Files.readAllBytes(list));
            });
    assertThat(result.out())
        .startsWith("imported into " + service.url() + "\n")
        .contains("ids in the list:     3\n")
        .contains("created:             3 ")
        .contains("already known:       0 ")
        .contains("duplicates in list:  1 ")
        .contains("problems:            1\n")
        .contains("  line 5: the user id is in scientific notation");
    assertThat(result.err()).isEmpty();
    assertNoIdNorKey(result);
  }

  @Test
  void importing_the_same_list_again_creates_nothing() {
    importList();

    Cli.Result again = importList();

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("created:             0 ").contains("already known:       3 ");
  }

  @Test
  void the_list_comes_on_standard_input_and_url_and_key_from_the_environment() {
    Cli.Result result =
        Cli.runWithInput(
            LIST,
            Map.of("LETHE_URL", service.url() + "/", "LETHE_API_KEY", KEY),
            "meta",
            "import",
            "-");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(service.received())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/v1/meta/user-id-lists");
              assertThat(request.text()).isEqualTo(LIST);
            });
    assertNoIdNorKey(result);
  }

  @Test
  void a_list_the_service_refuses_exits_2_with_the_problems_detail() {
    service.failWith(400, "body: the list is not a user id list");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .isEqualTo(
            "lethe: the service refused the list (400): body: the list is not a user id list");
    assertThat(result.out()).isEmpty();
    assertNoIdNorKey(result);
  }

  @Test
  void an_unknown_key_exits_2_saying_the_key_was_refused_without_showing_it() {
    String wrong = "lethe_k7f3a_wrongSecretNeverShown";

    Cli.Result result =
        Cli.run("meta", "import", list.toString(), "--url", service.url(), "--api-key", wrong);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("lethe: the service refused the API key (401): the API key is unknown")
        .contains("LETHE_API_KEY")
        .doesNotContain(wrong)
        .doesNotContain("wrongSecretNeverShown");
    assertNoIdNorKey(result);
  }

  @Test
  void a_key_without_the_permission_exits_2() {
    service.failWith(403, "this API key lacks the permission requests:write");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("lethe: the API key may not import Meta's lists (403): this API key lacks");
  }

  @Test
  void a_failing_service_exits_3_and_says_importing_again_is_safe() {
    service.failWith(503, "a database is unreachable");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.err())
        .contains("the service failed (503): a database is unreachable")
        .contains("importing the list again is safe");
    assertNoIdNorKey(result);
  }

  @Test
  void an_unreachable_service_exits_3() {
    String url = service.url();
    service.close();

    Cli.Result result = Cli.run("meta", "import", list.toString(), "--url", url, "--api-key", KEY);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("lethe: cannot reach the service at " + url + "/v1/meta/user-id-lists: ");
    assertNoIdNorKey(result);
  }

  @Test
  void plain_http_to_another_machine_warns_that_the_key_travels_readable() {
    Cli.Result result =
        Cli.run("meta", "import", list.toString(), "--url", "http://0.0.0.0:1", "--api-key", KEY);

    assertThat(result.errLines().getFirst())
        .isEqualTo(
            "lethe: warning: plain http sends the API key readable to 0.0.0.0 and every network"
                + " in between; use https");
    assertNoIdNorKey(result);
  }

  @Test
  void an_answer_that_is_no_summary_exits_5_asking_whether_the_url_is_right() {
    service.answerWith(200, "text/html", "<html>welcome</html>");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(5);
    assertThat(result.err()).contains("without an import summary").contains("--url");
  }

  @Test
  void an_empty_file_is_refused_before_anything_is_sent() throws Exception {
    Files.writeString(list, "\r\n  \n");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .endsWith("is empty: pass Meta's list as it came");
    assertThat(service.received()).isEmpty();
  }

  @Test
  void a_list_without_one_id_is_refused_naming_its_lines_not_their_content() throws Exception {
    Files.writeString(list, "user_id\nnot-an-id-x1\n1.02293E+16\n");

    Cli.Result result = importList();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "lethe: the list holds no user id to import:",
            "lethe:   line 2: not a decimal user id",
            "lethe:   line 3: the user id is in scientific notation, rounded by a spreadsheet:"
                + " export the column as text");
    assertThat(result.err()).doesNotContain("not-an-id-x1").doesNotContain("1.02293E+16");
    assertThat(service.received()).isEmpty();
  }

  @Test
  void without_a_key_nothing_is_sent() {
    Cli.Result result = Cli.run("meta", "import", list.toString(), "--url", service.url());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("an API key is required: set LETHE_API_KEY");
    assertThat(service.received()).isEmpty();
  }

  @Test
  void a_missing_file_is_bad_input() {
    Cli.Result result =
        Cli.run(
            "meta",
            "import",
            dir.resolve("nope.csv").toString(),
            "--url",
            service.url(),
            "--api-key",
            KEY);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read the list");
    assertThat(service.received()).isEmpty();
  }
}
