package dev.lethe.server.api;

import static dev.lethe.server.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.server.RunningServer;
import dev.lethe.server.Sql;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API over real HTTP, on H2: the product's own doors, their validation, the life of a
 * request after, holds, keys and the limits of a key bound to one workspace.
 */
class ApiH2Test {

  static final String ADMIN = ApiKeys.newToken();
  static final JsonMapper JSON = JsonMapper.builder().build();
  static RunningServer server;

  /** Contacts of the sample data, one per test: workspace and an address unique in it. */
  static List<List<Object>> contacts;

  @BeforeAll
  static void start() throws Exception {
    server =
        RunningServer.demo(
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=test-app-secret-0123",
            "--lethe.api.key=" + ADMIN);
    contacts = server.contactsWithUniqueAddresses();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** A contact of the sample data with an e-mail address: workspace and address. */
  static List<Object> someContact(int index) {
    return contacts.get(index);
  }

  static String contactRequest(Object workspace, Object email, String extra) {
    return "{\"scope\":\"contact\",\"workspace\":\""
        + workspace
        + "\",\"identities\":[{\"kind\":\"email\",\"value\":\""
        + email
        + "\"}]"
        + extra
        + "}";
  }

  static long contactsWith(List<Object> contact) {
    return count(
        server.host(),
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND email = ?",
        contact.get(0),
        contact.get(1));
  }

  static JsonNode awaitState(String id, String state) {
    return JSON.readTree(
        server.await(
            "/v1/requests/" + id, ADMIN, body -> body.contains("\"state\":\"" + state + "\"")));
  }

  @Test
  void without_a_valid_key_the_api_answers_401_with_a_problem() {
    for (String key : new String[] {null, "nonsense", ApiKeys.newToken()}) {
      HttpResponse<String> answer = server.get("/v1/requests", key);

      assertThat(answer.statusCode()).isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
  }

  @Test
  void the_delete_contact_button_creates_a_request_that_erases_the_contact() {
    List<Object> contact = someContact(0);

    HttpResponse<String> created =
        server.post(
            "/v1/requests",
            ADMIN,
            contactRequest(contact.get(0), contact.get(1), ",\"source\":\"self_service\""));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode request = json(created);
    String id = request.get("id").asString();
    assertThat(created.headers().firstValue("Location")).contains("/v1/requests/" + id);
    assertThat(request.get("confirmation_code").asString()).matches("[0-9A-Z]{24}");
    assertThat(request.get("status_url").asString()).contains("/data-deletion/status?id=");
    assertThat(request.get("due").get("complete_by").asString()).isNotBlank();
    assertThat(created.body()).doesNotContain(contact.get(1).toString());

    JsonNode done = awaitState(id, "completed");
    assertThat(contactsWith(contact)).isZero();
    assertThat(done.get("outcome").get("verified").asBoolean()).isTrue();
    assertThat(done.get("outcome").get("backups_cleared_by").asString()).isNotBlank();
    assertThat(done.get("events").size()).isGreaterThanOrEqualTo(4);
    assertThat(done.toString()).doesNotContain(contact.get(1).toString());
  }

  @Test
  void the_same_idempotency_key_gives_the_same_request() {
    List<Object> contact = someContact(1);
    String body = contactRequest(contact.get(0), contact.get(1), ",\"grace_period\":\"P14D\"");
    var first =
        server.send(
            server
                .to("/v1/requests")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "delete-button-7781")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    var second =
        server.send(
            server
                .to("/v1/requests")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "delete-button-7781")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("id")).isEqualTo(json(first).get("id"));

    List<Object> other = someContact(9);
    HttpResponse<String> reused =
        server.send(
            server
                .to("/v1/requests")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "delete-button-7781")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        contactRequest(other.get(0), other.get(1), ",\"grace_period\":\"P14D\""))));
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(json(reused).get("reason").asString()).isEqualTo("idempotency_key_reused");

    String otherCaller =
        json(server.post(
                "/v1/api-keys",
                ADMIN,
                "{\"name\":\"another app\",\"permissions\":[\"requests:write\"]}"))
            .get("token")
            .asString();
    HttpResponse<String> theirs =
        server.send(
            server
                .to("/v1/requests")
                .header("Authorization", "Bearer " + otherCaller)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "delete-button-7781")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        contactRequest(other.get(0), other.get(1), ",\"grace_period\":\"P14D\""))));
    assertThat(theirs.statusCode()).isEqualTo(201);
    assertThat(json(theirs).get("id")).isNotEqualTo(json(first).get("id"));
  }

  @Test
  void a_request_in_its_grace_period_can_be_cancelled_and_deletes_nothing() {
    List<Object> contact = someContact(2);
    JsonNode request =
        json(
            server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(contact.get(0), contact.get(1), ",\"grace_period\":\"P7D\"")));
    String id = request.get("id").asString();
    assertThat(request.get("state").asString()).isEqualTo("grace_period");
    assertThat(request.get("grace_ends_at").asString()).isNotBlank();

    HttpResponse<String> cancelled = server.post("/v1/requests/" + id + "/cancel", ADMIN, "");
    HttpResponse<String> again = server.post("/v1/requests/" + id + "/cancel", ADMIN, "");

    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(json(cancelled).get("state").asString()).isEqualTo("cancelled");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(contactsWith(contact)).isEqualTo(1);
  }

  @Test
  void every_invalid_field_is_named_and_no_value_is_repeated() {
    HttpResponse<String> answer =
        server.post(
            "/v1/requests",
            ADMIN,
            "{\"scope\":\"contact\",\"identities\":[{\"kind\":\"fax\",\"value\":\"x\"},"
                + "{\"kind\":\"email\",\"value\":\"not-an-address-7719\"}],"
                + "\"jurisdiction\":\"Atlantis\",\"source\":\"meta_callback\","
                + "\"grace_period\":\"two weeks\",\"verification\":\"email\"}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    List<String> fields =
        json(answer).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields)
        .contains(
            "workspace",
            "identities[0].kind",
            "identities[1].value",
            "jurisdiction",
            "source",
            "grace_period",
            "verification");
    assertThat(answer.body()).doesNotContain("not-an-address-7719").doesNotContain("Atlantis");
    // the keys pages translate by are not part of the answer: each error is its field and message
    assertThat(answer.body())
        .contains("{\"field\":\"identities[1].value\",\"message\":\"not a valid email\"}")
        .contains(
            "{\"field\":\"verification\","
                + "\"message\":\"email verification needs a contact e-mail address\"}")
        .doesNotContain("\"code\"")
        .doesNotContain("\"args\"");
  }

  @Test
  void malformed_bodies_and_unknown_fields_are_refused_precisely() {
    HttpResponse<String> unknownScope =
        server.post("/v1/requests", ADMIN, "{\"scope\":\"everything\",\"identities\":[]}");
    HttpResponse<String> unknownField =
        server.post("/v1/requests", ADMIN, "{\"scope\":\"contact\",\"colour\":\"red\"}");
    HttpResponse<String> wrongType =
        server.post("/v1/requests", ADMIN, "{\"scope\":\"contact\",\"identities\":\"carol\"}");
    HttpResponse<String> notJson = server.post("/v1/requests", ADMIN, "{scope:");
    HttpResponse<String> badParam =
        server.post(
            "/v1/requests",
            ADMIN,
            "{\"scope\":\"bot_users\",\"workspace\":\"1\",\"params\":{\"first_conversation\":\"last week\"}}");

    assertThat(json(unknownScope).get("errors").get(0).get("message").asString())
        .contains("account", "contact");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(json(unknownField).get("detail").asString()).contains("colour");
    assertThat(json(wrongType).get("detail").asString()).contains("identities");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).get("detail").asString()).contains("not valid JSON");
    assertThat(badParam.statusCode()).isEqualTo(400);
    assertThat(json(badParam).get("detail").asString()).contains("first_conversation");
  }

  @Test
  void a_preview_counts_what_would_go_and_deletes_nothing() {
    List<Object> contact = someContact(3);

    HttpResponse<String> preview =
        server.post("/v1/previews", ADMIN, contactRequest(contact.get(0), contact.get(1), ""));

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(json(preview).get("totals").get("deleted").asLong()).isPositive();
    assertThat(json(preview).get("entities").toString()).contains("contacts");
    assertThat(contactsWith(contact)).isEqualTo(1);
  }

  @Test
  void an_e_mailed_request_is_verified_by_the_mailed_code_and_confirmed_by_mail() {
    List<Object> contact = someContact(4);
    JsonNode request =
        json(
            server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(
                    contact.get(0),
                    contact.get(1),
                    ",\"source\":\"email\",\"verification\":\"email\",\"jurisdiction\":\"ID\","
                        + "\"contact\":{\"email\":\""
                        + contact.get(1)
                        + "\",\"language\":\"id\"}")));
    String id = request.get("id").asString();
    assertThat(request.get("state").asString()).isEqualTo("awaiting_verification");
    String code = codeOf(awaitMail(contact.get(1).toString(), "verification"));

    HttpResponse<String> wrong =
        server.post("/v1/requests/" + id + "/verification", ADMIN, "{\"code\":\"000000x\"}");
    HttpResponse<String> right =
        server.post("/v1/requests/" + id + "/verification", ADMIN, "{\"code\":\"" + code + "\"}");

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(json(wrong).get("reason").asString()).isEqualTo("wrong_code");
    assertThat(right.statusCode()).isEqualTo(200);
    awaitState(id, "completed");
    JsonNode confirmation = awaitMail(contact.get(1).toString(), "confirmation");
    assertThat(confirmation.get("language").asString()).isEqualTo("id");
    assertThat(confirmation.get("text").asString())
        .contains(request.get("confirmation_code").asString());
    assertThat(contactsWith(contact)).isZero();
  }

  @Test
  void the_mailed_link_shows_a_button_and_verifies_once() {
    List<Object> contact = someContact(5);
    String id =
        json(server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(
                    contact.get(0),
                    contact.get(1),
                    ",\"verification\":\"email\",\"contact\":{\"email\":\""
                        + contact.get(1)
                        + "\"}")))
            .get("id")
            .asString();
    String token = tokenOf(awaitMail(contact.get(1).toString(), "verification"));

    HttpResponse<String> page =
        server.send(server.to("/data-deletion/verify?token=" + token).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form", "Yes, delete my data");
    assertThat(server.get("/v1/requests/" + id, ADMIN).body())
        .contains("\"state\":\"awaiting_verification\"");

    HttpResponse<String> verified = server.form("/data-deletion/verify", "token=" + token);
    HttpResponse<String> again = server.form("/data-deletion/verify", "token=" + token);

    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(verified.body()).contains("confirmed");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already been used");
    awaitState(id, "completed");
    HttpResponse<String> afterwards = server.form("/data-deletion/verify", "token=" + token);
    assertThat(afterwards.statusCode()).isEqualTo(400);
    assertThat(afterwards.body()).contains("already been used");
  }

  @Test
  void staff_can_extend_a_gdpr_request_with_a_reason_but_not_one_the_law_does_not_time() {
    List<Object> first = someContact(6);
    List<Object> second = someContact(7);
    String gdpr =
        json(server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(
                    first.get(0),
                    first.get(1),
                    ",\"jurisdiction\":\"GDPR\",\"verification\":\"manual\"")))
            .get("id")
            .asString();
    String other =
        json(server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(
                    second.get(0),
                    second.get(1),
                    ",\"jurisdiction\":\"OTHER\",\"verification\":\"manual\"")))
            .get("id")
            .asString();

    HttpResponse<String> extended =
        server.post(
            "/v1/requests/" + gdpr + "/extension",
            ADMIN,
            "{\"reason\":\"records in three systems\",\"by\":\"1 month\"}");
    HttpResponse<String> refused =
        server.post(
            "/v1/requests/" + other + "/extension",
            ADMIN,
            "{\"reason\":\"busy\",\"by\":\"10 days\"}");
    HttpResponse<String> noReason =
        server.post("/v1/requests/" + gdpr + "/extension", ADMIN, "{\"by\":\"1 month\"}");

    assertThat(extended.statusCode()).isEqualTo(200);
    assertThat(json(extended).get("due").get("rule").asString()).contains("extended");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(json(refused).get("reason").asString()).isEqualTo("no_legal_period");
    assertThat(noReason.statusCode()).isEqualTo(400);
  }

  @Test
  void requests_are_listed_by_state_and_source_and_bad_filters_are_named() {
    HttpResponse<String> all = server.get("/v1/requests?limit=500", ADMIN);
    HttpResponse<String> completed = server.get("/v1/requests?state=completed&source=api", ADMIN);
    HttpResponse<String> overdue = server.get("/v1/requests?overdue=true", ADMIN);
    HttpResponse<String> bad = server.get("/v1/requests?state=finished&limit=0", ADMIN);

    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(json(completed).get("requests").valueStream())
        .allSatisfy(r -> assertThat(r.get("state").asString()).isEqualTo("completed"));
    assertThat(json(overdue).get("total").asLong()).isZero();
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("errors").toString()).contains("state", "limit");
  }

  @Test
  void a_workspace_hold_keeps_the_rows_until_it_is_lifted() {
    List<Object> contact = someContact(8);
    JsonNode hold =
        json(
            server.post(
                "/v1/holds",
                ADMIN,
                "{\"workspace\":\""
                    + contact.get(0)
                    + "\",\"reason\":\"litigation\",\"reference\":\"case 2026-17\"}"));
    String holdId = hold.get("id").asString();
    String id =
        json(server.post("/v1/requests", ADMIN, contactRequest(contact.get(0), contact.get(1), "")))
            .get("id")
            .asString();

    JsonNode held = awaitState(id, "on_hold");
    assertThat(held.get("holds").toString()).contains(holdId);
    assertThat(contactsWith(contact)).isEqualTo(1);
    assertThat(
            server
                .get("/data-deletion/status?id=" + held.get("confirmation_code").asString(), null)
                .body())
        .contains("\"held\":");

    JsonNode lifted =
        json(server.post("/v1/holds/" + holdId + "/lift", ADMIN, "{\"note\":\"settled\"}"));
    assertThat(lifted.get("resumed_requests").toString()).contains(id);
    awaitState(id, "completed");
    assertThat(contactsWith(contact)).isZero();
    assertThat(server.post("/v1/holds/" + holdId + "/lift", ADMIN, "{}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void an_identity_hold_keeps_only_a_hash_of_the_identity() {
    HttpResponse<String> placed =
        server.post(
            "/v1/holds",
            ADMIN,
            "{\"identity\":{\"kind\":\"email\",\"value\":\"held.person.4471@example.com\"},"
                + "\"reason\":\"regulator inquiry\"}");
    HttpResponse<String> bad =
        server.post(
            "/v1/holds", ADMIN, "{\"workspace\":\"1\",\"entity\":\"nothing\",\"key\":\"1\"}");

    assertThat(placed.statusCode()).isEqualTo(201);
    assertThat(json(placed).get("identity_kind").asString()).isEqualTo("email");
    assertThat(placed.body()).doesNotContain("held.person.4471");
    assertThat(Sql.values(server.state(), "SELECT * FROM lethe_holds").toString())
        .doesNotContain("held.person.4471");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("errors").toString()).contains("entity", "reason");
  }

  @Test
  void a_key_bound_to_one_workspace_neither_sees_nor_deletes_another_workspaces_data() {
    List<Object> shared =
        Sql.firstValues(
            server.host(),
            "SELECT email, MIN(workspace_id), MAX(workspace_id) FROM contacts"
                + " WHERE email IS NOT NULL GROUP BY email"
                + " HAVING COUNT(DISTINCT workspace_id) > 1 ORDER BY email DESC");
    Object email = shared.get(0);
    Object mine = shared.get(1);
    Object theirs = shared.get(2);
    String theirRequest =
        json(server.post(
                "/v1/requests",
                ADMIN,
                contactRequest(
                    theirs, "someone.else.88@example.com", ",\"grace_period\":\"P30D\"")))
            .get("id")
            .asString();
    String key =
        json(server.post(
                "/v1/api-keys",
                ADMIN,
                "{\"name\":\"workspace app\",\"permissions\":[\"requests:read\",\"requests:write\","
                    + "\"holds\"],\"workspace\":\""
                    + mine
                    + "\"}"))
            .get("token")
            .asString();

    HttpResponse<String> intoTheirs =
        server.post("/v1/requests", key, contactRequest(theirs, email, ""));
    HttpResponse<String> account =
        server.post(
            "/v1/requests",
            key,
            "{\"scope\":\"account\",\"identities\":[{\"kind\":\"email\",\"value\":\""
                + email
                + "\"}]}");
    HttpResponse<String> seeTheirs = server.get("/v1/requests/" + theirRequest, key);
    HttpResponse<String> cancelTheirs =
        server.post("/v1/requests/" + theirRequest + "/cancel", key, "");
    HttpResponse<String> listTheirs = server.get("/v1/requests?workspace=" + theirs, key);
    HttpResponse<String> holdTheirs =
        server.post("/v1/holds", key, "{\"workspace\":\"" + theirs + "\",\"reason\":\"x\"}");
    HttpResponse<String> keys = server.get("/v1/api-keys", key);

    assertThat(intoTheirs.statusCode()).isEqualTo(403);
    assertThat(account.statusCode()).isEqualTo(403);
    assertThat(seeTheirs.statusCode()).isEqualTo(404);
    assertThat(cancelTheirs.statusCode()).isEqualTo(404);
    assertThat(listTheirs.statusCode()).isEqualTo(403);
    assertThat(holdTheirs.statusCode()).isEqualTo(403);
    assertThat(keys.statusCode()).isEqualTo(403);

    HttpResponse<String> ownContact =
        server.post(
            "/v1/requests", key, contactRequest("", email, "").replace("\"workspace\":\"\",", ""));
    assertThat(ownContact.statusCode()).isEqualTo(201);
    assertThat(json(ownContact).get("workspace").asString()).isEqualTo(mine.toString());
    awaitState(json(ownContact).get("id").asString(), "completed");
    assertThat(
            count(
                server.host(),
                "SELECT COUNT(*) FROM contacts WHERE email = ? AND workspace_id = ?",
                email,
                mine))
        .isZero();
    assertThat(
            count(
                server.host(),
                "SELECT COUNT(*) FROM contacts WHERE email = ? AND workspace_id = ?",
                email,
                theirs))
        .isPositive();
    assertThat(json(server.get("/v1/requests?limit=500", key)).get("requests").valueStream())
        .allSatisfy(r -> assertThat(r.get("workspace").asString()).isEqualTo(mine.toString()));
    assertThat(server.post("/v1/requests/" + theirRequest + "/cancel", ADMIN, "").statusCode())
        .isEqualTo(200);
  }

  @Test
  void api_keys_are_issued_once_listed_without_secrets_and_revoked() {
    JsonNode issued =
        json(
            server.post(
                "/v1/api-keys",
                ADMIN,
                "{\"name\":\"reporting\",\"permissions\":[\"requests:read\"]}"));
    String token = issued.get("token").asString();
    assertThat(server.get("/v1/requests", token).statusCode()).isEqualTo(200);
    assertThat(server.post("/v1/requests", token, "{}").statusCode()).isEqualTo(403);
    assertThat(server.get("/v1/api-keys", ADMIN).body()).doesNotContain(token.substring(24));

    HttpResponse<String> revoked =
        server.send(
            server
                .to("/v1/api-keys/" + issued.get("id").asString())
                .header("Authorization", "Bearer " + ADMIN)
                .DELETE());

    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(server.get("/v1/requests", token).statusCode()).isEqualTo(401);
    assertThat(
            server
                .post("/v1/api-keys", ADMIN, "{\"name\":\"x\",\"permissions\":[\"everything\"]}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void a_meta_user_id_list_is_imported_once() {
    List<Object> users =
        Sql.values(
                server.host(),
                "SELECT DISTINCT connected_by_meta_user_id FROM channels"
                    + " WHERE connected_by_meta_user_id IS NOT NULL ORDER BY 1")
            .stream()
            .map(r -> r.get(0))
            .toList();
    String csv =
        "App-Scoped User ID,Date\n"
            + users.get(users.size() - 1)
            + ",2026-11-20\n"
            + users.get(users.size() - 2)
            + ",2026-11-21\nnot an id,2026-11-22\n";

    HttpResponse<String> first =
        server.send(
            server
                .to("/v1/meta/user-id-lists")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    HttpResponse<String> second =
        server.send(
            server
                .to("/v1/meta/user-id-lists")
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first).get("created").asInt()).isEqualTo(2);
    assertThat(json(first).get("problems").get(0).get("line").asInt()).isEqualTo(4);
    assertThat(json(second).get("created").asInt()).isZero();
    assertThat(json(second).get("already_known").asInt()).isEqualTo(2);
    assertThat(first.body()).doesNotContain(users.get(users.size() - 1).toString());
    server.await(
        "/v1/requests?source=meta_callback&state=completed",
        ADMIN,
        body -> json2(body).get("total").asLong() >= 2);
  }

  @Test
  void metrics_count_requests_by_state_overdue_requests_rows_and_callback_time() {
    String metrics =
        server.send(server.to("/actuator/prometheus").header("Accept", "text/plain").GET()).body();

    assertThat(metrics)
        .contains("lethe_requests{", "state=\"completed\"")
        .contains("lethe_requests_overdue")
        .contains("lethe_rows_total{");
  }

  private static JsonNode json2(String body) {
    return JSON.readTree(body);
  }

  private static JsonNode awaitMail(String to, String kind) {
    String body =
        server.await(
            "/v1/mail",
            ADMIN,
            all ->
                json2(all)
                    .valueStream()
                    .anyMatch(
                        m ->
                            m.get("to").asString().equals(to)
                                && m.get("kind").asString().equals(kind)));
    return json2(body)
        .valueStream()
        .filter(m -> m.get("to").asString().equals(to) && m.get("kind").asString().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static String codeOf(JsonNode mail) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(mail.get("text").asString());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String tokenOf(JsonNode mail) {
    Matcher m = Pattern.compile("token=([0-9A-Z]{32})").matcher(mail.get("text").asString());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
