package dev.lethe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lethe.core.meta.MetaUserIdList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the test standing in for Lethe's service at its Meta list import: checks
 * the path, the bearer key, the content type and the body as the service does, imports each id
 * once, and answers its JSON summary or {@code application/problem+json}. Records what it got.
 */
final class StubService implements AutoCloseable {

  /** A request as it arrived. */
  record Received(
      String method, String path, String authorization, String contentType, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String apiKey;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<String> imported = new HashSet<>();
  private volatile Optional<Answer> failure = Optional.empty();

  private record Answer(int status, String contentType, String body) {}

  private StubService(String apiKey) throws IOException {
    this.apiKey = apiKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the service on a free port of the loopback address, accepting one API key. */
  static StubService start(String apiKey) {
    try {
      return new StubService(apiKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, as an operator passes it to {@code --url}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** From now on, answers every authenticated import with this problem. */
  void failWith(int status, String detail) {
    failure = Optional.of(new Answer(status, "application/problem+json", problem(status, detail)));
  }

  /** From now on, answers every authenticated import with this body, as a misplaced URL might. */
  void answerWith(int status, String contentType, String body) {
    failure = Optional.of(new Answer(status, contentType, body));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      var headers = exchange.getRequestHeaders();
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              headers.getFirst("Authorization"),
              headers.getFirst("Content-Type"),
              body));
      Answer answer = answer(exchange, headers.getFirst("Content-Type"), body);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private Answer answer(HttpExchange exchange, String contentType, byte[] body) {
    if (!exchange.getRequestURI().getPath().equals("/v1/meta/user-id-lists")
        || !exchange.getRequestMethod().equals("POST")) {
      return problemAnswer(404, "no such resource");
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      return problemAnswer(401, "an API key is required: send it as 'Authorization: Bearer <key>'");
    }
    if (!authorization.equals("Bearer " + apiKey)) {
      return problemAnswer(401, "the API key is unknown or revoked");
    }
    if (failure.isPresent()) {
      return failure.get();
    }
    if (contentType == null
        || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
      return problemAnswer(415, "send the list as text/csv or text/plain");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return problemAnswer(400, "body: the list is empty: send Meta's file as it came");
    }
    return new Answer(200, "application/json", summary(MetaUserIdList.parse(text)));
  }

  private String summary(MetaUserIdList list) {
    int created = 0;
    for (String id : list.ids()) {
      synchronized (imported) {
        if (imported.add(id)) {
          created++;
        }
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ids", list.ids().size());
    json.put("created", created);
    json.put("already_known", list.ids().size() - created);
    json.put("duplicates_in_list", list.duplicates());
    json.put(
        "problems",
        list.problems().stream().map(p -> Map.of("line", p.line(), "reason", p.reason())).toList());
    json.put("problems_left_out", list.problemsLeftOut());
    return write(json);
  }

  private static Answer problemAnswer(int status, String detail) {
    return new Answer(status, "application/problem+json", problem(status, detail));
  }

  private static String problem(int status, String detail) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "about:blank");
    json.put("title", status >= 500 ? "Unavailable" : "Invalid request");
    json.put("status", status);
    json.put("detail", detail);
    json.put("instance", "/v1/meta/user-id-lists");
    return write(json);
  }

  private static String write(Object json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
