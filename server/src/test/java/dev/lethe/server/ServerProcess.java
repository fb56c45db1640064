package dev.lethe.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repackaged {@code lethe-server.jar} running in a process of its own, as operators run it:
 * {@code java -jar lethe-server.jar serve --port N --config <file>}, the settings in a properties
 * file. Its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "lethe-server.jar").toAbsolutePath();

  private final String name;
  private final Process process;
  private final Path log;
  private final ServiceClient client;

  private ServerProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.client = new ServiceClient("http://127.0.0.1:" + port);
  }

  /**
   * Starts an instance in the given time zone (the JVM's, which db-scheduler's timestamps on
   * MariaDB depend on) and returns without waiting; see {@link #awaitUp}.
   */
  static ServerProcess start(String name, List<String> arguments, Path logs, String timeZone) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the integration tests with verify");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx384m");
    // the client compiler only: a quicker start on a small machine, the same behaviour
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Duser.timezone=" + timeZone);
    command.add("-jar");
    command.add(JAR.toString());
    command.add("serve");
    command.add("--port");
    command.add(String.valueOf(port));
    command.add("--config");
    command.add(logs.resolve(name + ".properties").toString());
    Path log = logs.resolve(name + ".log");
    try {
      Files.createDirectories(logs);
      Files.write(logs.resolve(name + ".properties"), configuration(arguments));
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      System.out.println(name + " started on port " + port + ", logging to " + log);
      return new ServerProcess(name, process, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The {@code --key=value} arguments as the lines of the configuration file operators write. */
  private static List<String> configuration(List<String> arguments) {
    List<String> lines = new ArrayList<>();
    for (String argument : arguments) {
      if (!argument.startsWith("--") || !argument.contains("=")) {
        throw new IllegalArgumentException("not a --key=value setting: " + argument);
      }
      lines.add(argument.substring(2));
    }
    return lines;
  }

  /** Waits until the instance answers its health check, failing at once if it has died. */
  ServerProcess awaitUp(Duration patience) {
    Await.until(
        name + " up",
        patience,
        () -> {
          if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + log());
          }
          try {
            return client.get("/actuator/health", "application/json").statusCode() == 200;
          } catch (UncheckedIOException notListeningYet) {
            return false;
          }
        });
    return this;
  }

  ServiceClient client() {
    return client;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, connections cut where they are. */
  void kill() {
    process.destroyForcibly();
    if (!exitsWithin(Duration.ofSeconds(30))) {
      throw new AssertionError(name + " survived SIGKILL");
    }
  }

  String log() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the instance as an operator would (SIGTERM), killing it if it does not stop. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!exitsWithin(Duration.ofSeconds(60))) {
        kill();
      }
    }
  }

  private boolean exitsWithin(Duration patience) {
    try {
      return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
