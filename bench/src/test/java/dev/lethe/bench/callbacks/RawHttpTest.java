package dev.lethe.bench.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RawHttpTest {

  private HttpServer server;
  private URI base;
  private final Set<Object> connections = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/echo",
        exchange -> {
          connections.add(exchange.getRemoteAddress());
          byte[] body = exchange.getRequestBody().readAllBytes();
          String answer =
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + new String(body, StandardCharsets.UTF_8);
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.createContext(
        "/chunked",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream o = exchange.getResponseBody()) {
            for (int i = 0; i < 3; i++) {
              o.write(("part" + i + ";").getBytes(StandardCharsets.UTF_8));
              o.flush();
            }
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void posts_a_form_and_reads_the_answer_by_its_length() throws IOException {
    try (RawHttp http = new RawHttp(base)) {
      RawHttp.Answer answer =
          http.send(RawHttp.post(base.resolve("/echo?x=1"), "text/plain", "héllo"));

      assertThat(answer.status()).isEqualTo(201);
      assertThat(answer.body()).isEqualTo("POST /echo?x=1 text/plain héllo");
    }
  }

  @Test
  void reads_a_chunked_answer() throws IOException {
    try (RawHttp http = new RawHttp(base)) {
      RawHttp.Answer answer = http.send(RawHttp.get(base.resolve("/chunked")));

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("part0;part1;part2;");
    }
  }

  @Test
  void keeps_the_connection_for_the_next_request() throws IOException {
    try (RawHttp http = new RawHttp(base)) {
      for (int i = 0; i < 5; i++) {
        assertThat(http.send(RawHttp.post(base.resolve("/echo"), "text/plain", "n" + i)).body())
            .endsWith("n" + i);
      }
    }
    assertThat(connections).hasSize(1);
  }

  @Test
  void replaces_a_kept_connection_the_server_has_closed() throws Exception {
    // a server that answers once per connection and hangs up without saying so
    try (ServerSocket once = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!once.isClosed()) {
                  try (Socket s = once.accept()) {
                    byte[] buffer = new byte[4096];
                    String request = "";
                    while (!request.contains("\r\n\r\n")) {
                      int n = s.getInputStream().read(buffer);
                      request += new String(buffer, 0, n, StandardCharsets.US_ASCII);
                    }
                    s.getOutputStream()
                        .write(
                            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                                .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      URI onceBase = URI.create("http://127.0.0.1:" + once.getLocalPort());
      try (RawHttp http = new RawHttp(onceBase)) {
        for (int i = 0; i < 3; i++) {
          RawHttp.Answer answer = http.send(RawHttp.get(onceBase.resolve("/")));
          assertThat(answer.status()).isEqualTo(200);
          assertThat(answer.body()).isEqualTo("ok");
          Thread.sleep(50);
        }
      }
    }
  }
}
