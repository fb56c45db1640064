package dev.lethe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends Meta's user id list, as read, to the service's {@code POST /v1/meta/user-id-lists} and
 * turns the answer into an {@link ImportSummary}, or into a {@link CommandFailure} that quotes the
 * problem's {@code detail}: exit 2 when the service refuses the list or the key, 3 when it cannot
 * be reached or fails. Never sends the key anywhere but that URL, never follows a redirect with it.
 */
final class UserIdListUpload {

  static final String PATH = "/v1/meta/user-id-lists";
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Every id becomes a request on the service, one transaction each: large lists take a while. */
  static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(10);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGAIN_IS_SAFE =
      "importing the list again is safe: ids already imported are not added twice";

  private final URI endpoint;
  private final String shown;

  UserIdListUpload(URI baseUrl) {
    this.endpoint = URI.create(baseUrl.toString() + PATH);
    this.shown = ServiceOptions.describe(endpoint);
  }

  ImportSummary send(byte[] list, String apiKey) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(ANSWER_TIMEOUT)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "text/csv; charset=utf-8")
            .header("Accept", "application/json, application/problem+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(list))
            .build();
    HttpResponse<String> response;
    try (HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()) {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw new CommandFailure(
          ExitCode.SERVICE_UNREACHABLE,
          "no answer from "
              + shown
              + " within "
              + ANSWER_TIMEOUT.toMinutes()
              + " minutes; "
              + AGAIN_IS_SAFE,
          e);
    } catch (IOException e) {
      throw unreachable(reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailure(ExitCode.UNEXPECTED, "interrupted while sending the list", e);
    }
    return answer(
        response.statusCode(), response.body(), response.headers().firstValue("Location"));
  }

  private ImportSummary answer(int status, String body, Optional<String> location) {
    Optional<JsonNode> json = parse(body);
    String detail =
        json.map(j -> j.path("detail"))
            .filter(JsonNode::isTextual)
            .map(d -> ": " + printable(d))
            .orElse("");
    if (status >= 200 && status < 300) {
      return json.flatMap(UserIdListUpload::summary)
          .orElseThrow(
              () ->
                  new CommandFailure(
                      ExitCode.UNEXPECTED,
                      shown
                          + " answered "
                          + status
                          + " without an import summary: is --url"
                          + " the base URL of a Lethe service?"));
    }
    String failure =
        switch (status) {
          case 301, 302, 303, 307, 308 ->
              shown
                  + " answered "
                  + status
                  + ", pointing to "
                  + location.flatMap(this::resolve).orElse("elsewhere")
                  + ": pass the service's own base URL as --url";
          case 401 ->
              "the service refused the API key (401)"
                  + detail
                  + "; check "
                  + ServiceOptions.KEY_VARIABLE
                  + " or --api-key";
          case 403 -> "the API key may not import Meta's lists (403)" + detail;
          case 404 ->
              "no import at " + shown + " (404)" + detail + ": is --url the service's base URL?";
          case 413 -> "the service refused the list as too large (413)" + detail;
          default ->
              status >= 500
                  ? "the service failed (" + status + ")" + detail + "; " + AGAIN_IS_SAFE
                  : "the service refused the list (" + status + ")" + detail;
        };
    throw new CommandFailure(
        status >= 500 ? ExitCode.SERVICE_UNREACHABLE : ExitCode.BAD_INPUT, failure);
  }

  private Optional<String> resolve(String location) {
    try {
      return Optional.of(endpoint.resolve(location))
          .filter(uri -> uri.getHost() != null)
          .map(ServiceOptions::describe);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<ImportSummary> summary(JsonNode json) {
    for (String count :
        List.of("ids", "created", "already_known", "duplicates_in_list", "problems_left_out")) {
      if (!json.path(count).canConvertToInt()) {
        return Optional.empty();
      }
    }
    List<ImportSummary.Problem> problems = new ArrayList<>();
    for (JsonNode problem : json.path("problems")) {
      problems.add(
          new ImportSummary.Problem(
              problem.path("line").asInt(), printable(problem.path("reason"))));
    }
    return Optional.of(
        new ImportSummary(
            json.path("ids").asInt(),
            json.path("created").asInt(),
            json.path("already_known").asInt(),
            json.path("duplicates_in_list").asInt(),
            problems,
            json.path("problems_left_out").asInt()));
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      return Optional.ofNullable(JSON.readTree(body)).filter(JsonNode::isObject);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Text from the service, on one line, without control characters, of a readable length. */
  private static String printable(JsonNode text) {
    String clean = text.asText().replaceAll("\\p{Cntrl}+", " ").strip();
    return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
  }

  private CommandFailure unreachable(String reason, IOException e) {
    return new CommandFailure(
        ExitCode.SERVICE_UNREACHABLE, "cannot reach the service at " + shown + ": " + reason, e);
  }

  /** The HTTP client often leaves the message empty; name what went wrong from the cause. */
  private static String reason(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank()) {
        return message.lines().findFirst().orElse(message).strip();
      }
    }
    return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
  }
}
