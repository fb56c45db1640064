package dev.lethe.server.api;

import static dev.lethe.server.api.OpenApiDocument.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.server.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the running server, on H2: it is served without a key, it names
 * exactly the {@code /v1} operations the server has, and every operation's answers — successes and
 * failures — have a status, headers, media type and body the document describes.
 */
class OpenApiH2Test {

  static final String ADMIN = ApiKeys.newToken();
  static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
  static RunningServer server;
  static List<List<Object>> contacts;

  /** Each operation answered and checked, with the statuses seen. */
  static final Map<String, Set<Integer>> CHECKED = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.demo("--lethe.api.key=" + ADMIN);
    contacts = server.contactsWithUniqueAddresses();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_document_is_served_without_a_key_as_written_and_as_json() {
    HttpResponse<String> yaml =
        server.send(server.to(OpenApiController.YAML_PATH).header("Accept", "*/*").GET());
    HttpResponse<String> json = server.get(OpenApiController.JSON_PATH, null);

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/yaml"));
    assertThat(yaml.body()).isEqualTo(DOCUMENT.yaml());
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(JSON.readTree(json.body())).isEqualTo(DOCUMENT.json());
  }

  @Test
  void the_document_names_exactly_the_v1_operations_the_server_has() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping :
        server.beans(RequestMappingHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        for (String path : info.getPatternValues()) {
          if (!path.startsWith("/v1/")) {
            continue;
          }
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          assertThat(methods).as("%s names its HTTP methods", path).isNotEmpty();
          methods.forEach(m -> mapped.add(m.name() + " " + path));
        }
      }
    }

    assertThat(mapped).hasSizeGreaterThan(15);
    assertThat(DOCUMENT.operations())
        .as("documented operations (left) against the server's /v1 handler mappings")
        .containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void every_operation_answers_as_the_document_says() {
    authentication_and_bodies();
    String reader = issue("{\"name\":\"reader\",\"permissions\":[\"requests:read\"]}");
    requests(reader);
    holds();
    keys();
    metaAndMail();
    conforms("GET /v1/openapi.yaml", server.send(server.to("/v1/openapi.yaml").GET()));
    conforms("GET /v1/openapi.json", server.get("/v1/openapi.json", null));

    assertThat(CHECKED.keySet())
        .as("operations whose answers were checked")
        .containsExactlyInAnyOrderElementsOf(DOCUMENT.operations());
  }

  private void authentication_and_bodies() {
    conforms("GET /v1/requests", server.get("/v1/requests", null), 401);
    conforms("GET /v1/requests", server.get("/v1/requests", "lethe_nonsense"), 401);
    conforms(
        "POST /v1/requests",
        server.send(
            server
                .to("/v1/requests")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("delete me"))),
        415);
    JsonNode invalid =
        conforms(
            "POST /v1/requests",
            server.post(
                "/v1/requests",
                ADMIN,
                "{\"scope\":\"contact\",\"identities\":[{\"kind\":\"fax\",\"value\":\"x\"}],"
                    + "\"grace_period\":\"two weeks\",\"verification\":\"email\"}"),
            400);
    assertThat(invalid.get("errors").size()).isGreaterThan(2);
    conforms("POST /v1/requests", server.post("/v1/requests", ADMIN, "{scope:"), 400);
    conforms(
        "POST /v1/requests",
        server.post("/v1/requests", ADMIN, "{\"scope\":\"contact\",\"colour\":\"red\"}"),
        400);
  }

  private void requests(String reader) {
    List<Object> verified = contacts.get(0);
    conforms(
        "POST /v1/requests",
        server.post("/v1/requests", reader, contactRequest(verified, "")),
        403);

    String withMail =
        contactRequest(
            verified,
            ",\"verification\":\"email\",\"contact\":{\"email\":\""
                + verified.get(1)
                + "\",\"language\":\"en\"}");
    JsonNode created =
        conforms("POST /v1/requests", createWithKey(withMail, "openapi-test-1"), 201);
    String a = created.get("id").asString();
    JsonNode again = conforms("POST /v1/requests", createWithKey(withMail, "openapi-test-1"), 200);
    assertThat(again.get("id").asString()).isEqualTo(a);

    // a resend while the first mail is still queued sends that one only: wait for it first
    newestMail(verified.get(1).toString(), "verification", 1);
    conforms(
        "POST /v1/requests/{id}/verification/resend",
        server.post("/v1/requests/" + a + "/verification/resend", ADMIN, ""),
        202);
    JsonNode wrong =
        conforms(
            "POST /v1/requests/{id}/verification",
            server.post("/v1/requests/" + a + "/verification", ADMIN, "{\"code\":\"000000x\"}"),
            400);
    assertThat(wrong.get("reason").asString()).isEqualTo("wrong_code");
    conforms(
        "POST /v1/requests/{id}/verification",
        server.post("/v1/requests/" + a + "/verification", ADMIN, "{}"),
        400);
    String code = codeOf(newestMail(verified.get(1).toString(), "verification", 2));
    conforms(
        "POST /v1/requests/{id}/verification",
        server.post("/v1/requests/" + a + "/verification", ADMIN, "{\"code\":\"" + code + "\"}"),
        200);

    String b =
        conforms(
                "POST /v1/requests",
                server.post(
                    "/v1/requests",
                    ADMIN,
                    contactRequest(contacts.get(1), ",\"source\":\"self_service\"")),
                201)
            .get("id")
            .asString();
    awaitState(b, "completed");
    JsonNode done = conforms("GET /v1/requests/{id}", server.get("/v1/requests/" + b, ADMIN), 200);
    assertThat(done.get("events").size()).isGreaterThanOrEqualTo(4);
    assertThat(done.get("outcome").get("receipts").size()).isPositive();
    conforms(
        "GET /v1/requests/{id}/preview", server.get("/v1/requests/" + b + "/preview", ADMIN), 409);
    conforms(
        "POST /v1/requests/{id}/cancel",
        server.post("/v1/requests/" + b + "/cancel", ADMIN, ""),
        409);
    conforms("GET /v1/requests/{id}", server.get("/v1/requests/" + UUID.randomUUID(), ADMIN), 404);
    conforms("GET /v1/requests/{id}", server.get("/v1/requests/42", ADMIN), 400);

    String gdpr =
        conforms(
                "POST /v1/requests",
                server.post(
                    "/v1/requests",
                    ADMIN,
                    contactRequest(
                        contacts.get(2), ",\"jurisdiction\":\"gdpr\",\"grace_period\":\"P7D\"")),
                201)
            .get("id")
            .asString();
    conforms(
        "GET /v1/requests/{id}/preview",
        server.get("/v1/requests/" + gdpr + "/preview", ADMIN),
        200);
    JsonNode extended =
        conforms(
            "POST /v1/requests/{id}/extension",
            server.post(
                "/v1/requests/" + gdpr + "/extension",
                ADMIN,
                "{\"reason\":\"records in three systems\",\"by\":\"1 month\"}"),
            200);
    assertThat(extended.get("due").get("rule").asString()).contains("extended");
    conforms(
        "POST /v1/requests/{id}/extension",
        server.post("/v1/requests/" + gdpr + "/extension", ADMIN, "{\"by\":\"1 month\"}"),
        400);
    conforms(
        "POST /v1/requests/{id}/verification",
        server.post("/v1/requests/" + gdpr + "/verification", ADMIN, "{\"code\":\"123456\"}"),
        409);
    conforms(
        "POST /v1/requests/{id}/rejection",
        server.post(
            "/v1/requests/" + gdpr + "/rejection",
            ADMIN,
            "{\"reason\":\"we could not confirm the account holder\"}"),
        200);
    conforms(
        "POST /v1/requests/{id}/rejection",
        server.post("/v1/requests/" + gdpr + "/rejection", ADMIN, "{\"reason\":\"again\"}"),
        409);

    String other =
        conforms(
                "POST /v1/requests",
                server.post(
                    "/v1/requests",
                    ADMIN,
                    contactRequest(contacts.get(3), ",\"grace_period\":\"P7D\"")),
                201)
            .get("id")
            .asString();
    JsonNode refused =
        conforms(
            "POST /v1/requests/{id}/extension",
            server.post(
                "/v1/requests/" + other + "/extension",
                ADMIN,
                "{\"reason\":\"busy\",\"by\":\"10 days\"}"),
            422);
    assertThat(refused.get("reason").asString()).isEqualTo("no_legal_period");
    JsonNode cancelled =
        conforms(
            "POST /v1/requests/{id}/cancel",
            server.post("/v1/requests/" + other + "/cancel", ADMIN, ""),
            200);
    assertThat(cancelled.get("state").asString()).isEqualTo("cancelled");

    JsonNode preview =
        conforms(
            "POST /v1/previews",
            server.post("/v1/previews", ADMIN, contactRequest(contacts.get(5), "")),
            200);
    assertThat(preview.get("totals").get("deleted").asLong()).isPositive();
    conforms("POST /v1/previews", server.post("/v1/previews", ADMIN, "{}"), 400);

    JsonNode page =
        conforms("GET /v1/requests", server.get("/v1/requests?limit=3&offset=1", ADMIN), 200);
    assertThat(page.get("requests").size()).isEqualTo(3);
    conforms(
        "GET /v1/requests",
        server.get("/v1/requests?state=finished&received_from=yesterday&limit=0", ADMIN),
        400);
    conforms("GET /v1/requests", server.get("/v1/requests?state=completed", reader), 200);
  }

  private void holds() {
    List<Object> held = contacts.get(contacts.size() - 1);
    String holdId =
        conforms(
                "POST /v1/holds",
                server.post(
                    "/v1/holds",
                    ADMIN,
                    "{\"workspace\":\""
                        + held.get(0)
                        + "\",\"reason\":\"litigation\",\"reference\":\"case 2026-17\"}"),
                201)
            .get("id")
            .asString();
    JsonNode identity =
        conforms(
            "POST /v1/holds",
            server.post(
                "/v1/holds",
                ADMIN,
                "{\"identity\":{\"kind\":\"email\",\"value\":\"held.person.9917@example.com\"},"
                    + "\"reason\":\"regulator inquiry\",\"expires_at\":\"2099-01-31T00:00:00Z\"}"),
            201);
    assertThat(identity.get("identity_kind").asString()).isEqualTo("email");
    conforms(
        "POST /v1/holds",
        server.post("/v1/holds", ADMIN, "{\"entity\":\"nothing\",\"key\":\"1\"}"),
        400);

    String request =
        conforms(
                "POST /v1/requests",
                server.post("/v1/requests", ADMIN, contactRequest(held, "")),
                201)
            .get("id")
            .asString();
    awaitState(request, "on_hold");
    JsonNode onHold =
        conforms("GET /v1/requests/{id}", server.get("/v1/requests/" + request, ADMIN), 200);
    assertThat(onHold.get("holds").toString()).contains(holdId);

    conforms("GET /v1/holds", server.get("/v1/holds", ADMIN), 200);
    conforms("GET /v1/holds", server.get("/v1/holds?limit=0", ADMIN), 400);
    conforms("GET /v1/holds/{id}", server.get("/v1/holds/" + holdId, ADMIN), 200);
    conforms("GET /v1/holds/{id}", server.get("/v1/holds/" + UUID.randomUUID(), ADMIN), 404);
    conforms(
        "POST /v1/holds/{id}/lift",
        server.send(
            server
                .to("/v1/holds/" + holdId + "/lift")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("settled"))),
        415);
    JsonNode lifted =
        conforms(
            "POST /v1/holds/{id}/lift",
            server.post("/v1/holds/" + holdId + "/lift", ADMIN, "{\"note\":\"settled\"}"),
            200);
    assertThat(lifted.get("active").asBoolean()).isFalse();
    assertThat(lifted.get("resumed_requests").toString()).contains(request);
    conforms(
        "POST /v1/holds/{id}/lift", server.post("/v1/holds/" + holdId + "/lift", ADMIN, "{}"), 409);
    JsonNode all = conforms("GET /v1/holds", server.get("/v1/holds?active=false", ADMIN), 200);
    assertThat(all.toString()).contains(holdId);
  }

  private void keys() {
    Object workspace = contacts.get(0).get(0);
    HttpResponse<String> issued =
        server.post(
            "/v1/api-keys",
            ADMIN,
            "{\"name\":\"workspace app\",\"permissions\":[\"requests:read\",\"requests:write\","
                + "\"holds\"],\"workspace\":\""
                + workspace
                + "\"}");
    JsonNode key = conforms("POST /v1/api-keys", issued, 201);
    String id = key.get("id").asString();
    String limited = key.get("token").asString();
    conforms(
        "POST /v1/api-keys",
        server.post("/v1/api-keys", ADMIN, "{\"name\":\"x\",\"permissions\":[\"everything\"]}"),
        400);
    conforms("GET /v1/api-keys", server.get("/v1/api-keys", ADMIN), 200);
    conforms("GET /v1/api-keys", server.get("/v1/api-keys", limited), 403);
    conforms("GET /v1/requests", server.get("/v1/requests?workspace=elsewhere", limited), 403);
    conforms(
        "POST /v1/holds",
        server.post(
            "/v1/holds",
            limited,
            "{\"identity\":{\"kind\":\"email\",\"value\":\"someone@example.com\"},"
                + "\"reason\":\"x\"}"),
        403);
    conforms("GET /v1/mail", server.get("/v1/mail", limited), 403);

    JsonNode revoked =
        conforms(
            "DELETE /v1/api-keys/{id}",
            server.send(
                server
                    .to("/v1/api-keys/" + id)
                    .header("Authorization", "Bearer " + ADMIN)
                    .DELETE()),
            200);
    assertThat(revoked.get("revoked_at").asString()).isNotBlank();
    conforms(
        "DELETE /v1/api-keys/{id}",
        server.send(
            server
                .to("/v1/api-keys/0000000000000000")
                .header("Authorization", "Bearer " + ADMIN)
                .DELETE()),
        404);
    conforms("GET /v1/requests", server.get("/v1/requests", limited), 401);
  }

  private void metaAndMail() {
    String csv = "App-Scoped User ID,Date\n10228371662810032,2026-11-20\nnot an id,2026-11-21\n";
    JsonNode imported = conforms("POST /v1/meta/user-id-lists", list(csv), 200);
    assertThat(imported.get("created").asInt()).isEqualTo(1);
    assertThat(imported.get("problems").get(0).get("line").asInt()).isEqualTo(3);
    conforms("POST /v1/meta/user-id-lists", list(" \n"), 400);
    StringBuilder many = new StringBuilder();
    for (long i = 0; i <= 100_000; i++) {
      many.append(1_000_000_000_000_000L + i).append('\n');
    }
    conforms("POST /v1/meta/user-id-lists", list(many.toString()), 413);
    conforms("GET /v1/mail", server.get("/v1/mail", ADMIN), 200);
  }

  // --- helpers

  private static HttpResponse<String> list(String text) {
    return server.send(
        server
            .to("/v1/meta/user-id-lists")
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  private static String issue(String body) {
    return conforms("POST /v1/api-keys", server.post("/v1/api-keys", ADMIN, body), 201)
        .get("token")
        .asString();
  }

  private static HttpResponse<String> createWithKey(String body, String idempotencyKey) {
    return server.send(
        server
            .to("/v1/requests")
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String contactRequest(List<Object> contact, String extra) {
    return "{\"scope\":\"contact\",\"workspace\":\""
        + contact.get(0)
        + "\",\"identities\":[{\"kind\":\"email\",\"value\":\""
        + contact.get(1)
        + "\"}]"
        + extra
        + "}";
  }

  private static void awaitState(String id, String state) {
    server.await("/v1/requests/" + id, ADMIN, body -> body.contains("\"state\":\"" + state + "\""));
  }

  /** The newest mail of a kind to an address, once at least {@code count} of them were sent. */
  private static JsonNode newestMail(String to, String kind, int count) {
    String body =
        server.await("/v1/mail", ADMIN, all -> mails(JSON.readTree(all), to, kind).size() >= count);
    return mails(JSON.readTree(body), to, kind).get(0);
  }

  private static List<JsonNode> mails(JsonNode all, String to, String kind) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : all) {
      if (m.get("to").asString().equals(to) && m.get("kind").asString().equals(kind)) {
        out.add(m);
      }
    }
    return out;
  }

  private static String codeOf(JsonNode mail) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.get("text").asString());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /**
   * Checks an answer of {@code operation} against the document and records it: the status is one
   * the operation documents, the headers it requires are there, the media type is one it documents
   * for that status, and the body is valid against that media type's schema (no body where none is
   * documented).
   *
   * @return the body as JSON (a string node for text), or null when there is none
   */
  private static JsonNode conforms(String operation, HttpResponse<String> answer, int expected) {
    assertThat(answer.statusCode()).as("%s: %s", operation, answer.body()).isEqualTo(expected);
    return conforms(operation, answer);
  }

  private static JsonNode conforms(String operation, HttpResponse<String> answer) {
    String status = String.valueOf(answer.statusCode());
    JsonNode responses = DOCUMENT.operation(operation).path("responses");
    assertThat(responses.has(status))
        .as(
            "%s answered %s (%s), which the document does not list",
            operation, status, answer.body())
        .isTrue();
    JsonNode response = DOCUMENT.resolve(responses.get(status));
    for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
      JsonNode documented = DOCUMENT.resolve(header.getValue());
      Optional<String> value = answer.headers().firstValue(header.getKey());
      if (documented.path("required").asBoolean(false)) {
        assertThat(value).as("%s %s: header %s", operation, status, header.getKey()).isPresent();
      }
      value.ifPresent(
          v ->
              assertThat(DOCUMENT.validate(documented.path("schema"), JSON.valueToTree(v)))
                  .as("%s %s: header %s: %s", operation, status, header.getKey(), v)
                  .isEmpty());
    }
    JsonNode content = response.path("content");
    JsonNode body = null;
    if (content.isEmpty()) {
      assertThat(answer.body()).as("%s %s has no body", operation, status).isEmpty();
    } else {
      String type =
          answer
              .headers()
              .firstValue("Content-Type")
              .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
              .orElse("");
      assertThat(content.has(type))
          .as("%s %s answered %s: %s", operation, status, type, answer.body())
          .isTrue();
      body = type.endsWith("json") ? JSON.readTree(answer.body()) : JSON.valueToTree(answer.body());
      List<com.networknt.schema.Error> errors =
          DOCUMENT.validate(content.get(type).path("schema"), body);
      assertThat(errors)
          .as("%s %s %s against the document: %s", operation, status, type, answer.body())
          .isEmpty();
    }
    CHECKED.computeIfAbsent(operation, o -> new TreeSet<>()).add(answer.statusCode());
    return body;
  }
}
