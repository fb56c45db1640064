package dev.lethe.bench.callbacks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code lethe-server.jar} in a process of its own, as an operator runs it ({@code
 * serve --port N --config <file>}) on loopback, its output in a log file next to its configuration.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final URI base;

  private ServerProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Starts the server with {@code settings} ({@code key=value} lines) and waits until its health
   * check answers.
   *
   * @param jvmOptions extra options for the server's JVM (a flight recording, say)
   */
  static ServerProcess start(
      Path jar, List<String> settings, List<String> jvmOptions, Path dir, Duration patience)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: build it with ./mvnw -B package -pl server -am -DskipTests, or pass"
              + " --server-jar");
    }
    int port = freePort();
    Path config = dir.resolve("server.properties");
    Path log = dir.resolve("server.log");
    Files.write(config, settings);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-Duser.timezone=UTC");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "serve",
            "--port",
            String.valueOf(port),
            "--config",
            "" + config));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    ServerProcess server = new ServerProcess(process, log, port);
    try {
      server.awaitHealthy(patience);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  URI base() {
    return base;
  }

  Path log() {
    return log;
  }

  private void awaitHealthy(Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    try (HttpClient http = HttpClient.newHttpClient()) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the server exited with " + process.exitValue() + "; see " + log);
        }
        try {
          HttpResponse<Void> health =
              http.send(
                  HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                  HttpResponse.BodyHandlers.discarding());
          if (health.statusCode() == 200) {
            return;
          }
        } catch (IOException notListeningYet) {
          // starting
        }
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException("the server was not up within " + patience + "; see " + log);
  }

  /** Stops the server as an operator would (SIGTERM), killing it if it does not stop. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
