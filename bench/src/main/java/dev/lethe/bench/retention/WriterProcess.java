package dev.lethe.bench.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The steady writer ({@link WriterMain}) started in a JVM of its own, on this JVM's class path, and
 * driven through its standard input and output.
 */
final class WriterProcess implements AutoCloseable {

  /**
   * What the writer did between {@link #markStart()} and {@link #stop()}: its latencies, each
   * insert, and how many it inserted (since it started) and failed.
   */
  record Written(Histogram latencyMicros, WriterInserts inserts, long inserted, long failed) {}

  private final Process process;
  private final PrintStream commands;
  private final BufferedReader answers;
  private final Path log;

  private WriterProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.answers =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Starts inserting {@code perSecond} messages a second from {@code threads} connections, and
   * returns once the writer runs. Its errors go to {@code log}.
   */
  static WriterProcess start(
      String jdbcUrl,
      String user,
      String password,
      NewMessages messages,
      int perSecond,
      int threads,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx128m",
            "-XX:+UseSerialGC",
            "-Duser.timezone=UTC",
            "-cp",
            System.getProperty("java.class.path"),
            WriterMain.class.getName(),
            jdbcUrl,
            user,
            String.valueOf(perSecond),
            String.valueOf(threads)));
    command.addAll(messages.arguments());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put(WriterMain.PASSWORD, password);
    WriterProcess writer = new WriterProcess(builder.start(), log);
    try {
      writer.expect("started");
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  /** Drops the latencies recorded so far: what follows is measured. */
  void markStart() throws IOException {
    commands.println("mark");
    expect("marked");
  }

  /** Stops the writer; returns what it did since {@link #markStart()}. */
  Written stop() throws IOException {
    Path inserts = Files.createTempFile(log.getParent(), "inserts", ".txt");
    try {
      commands.println("stop " + inserts);
      String[] result = expect("result").split(" ");
      return new Written(
          WriterMain.decode(result[3]),
          WriterInserts.readFrom(inserts),
          Long.parseLong(result[1]),
          Long.parseLong(result[2]));
    } catch (DataFormatException | RuntimeException e) {
      throw new IOException("the writer's result cannot be read", e);
    } finally {
      Files.deleteIfExists(inserts);
    }
  }

  private String expect(String word) throws IOException {
    String line = answers.readLine();
    if (line == null || !line.startsWith(word)) {
      throw new IOException(
          "the writer process answered "
              + (line == null ? "nothing" : "'" + line + "'")
              + " where '"
              + word
              + "' was due: "
              + tail());
    }
    return line;
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "see " + log;
    }
  }

  @Override
  public void close() {
    commands.close();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
