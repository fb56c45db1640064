package dev.lethe.bench.retention;

import com.zaxxer.hikari.HikariDataSource;
import dev.lethe.bench.BenchSize;
import dev.lethe.bench.BenchTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The steady writer in a process of its own, as the application it stands for would be: a purge in
 * the benchmark's JVM (its collector, its compiler threads) then reaches the writer only through
 * the database and the shared processors, as pt-archiver's does. Driven by {@link WriterProcess}
 * over standard input and output, one command a line: {@code mark} drops the latencies so far (the
 * warm-up), {@code stop} stops the writer and answers {@code result <inserted> <failed>
 * <histogram>}; the end of input stops it too. {@code stop <file>} also writes each insert since
 * the mark to the file first ({@link WriterInserts}).
 *
 * <p>Arguments: JDBC URL, user, messages per second, threads, then {@link NewMessages}'s. The
 * password, if any, comes in the environment variable {@value #PASSWORD}.
 */
public final class WriterMain {

  static final String PASSWORD = "LETHE_BENCH_WRITER_PASSWORD";

  private WriterMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println(
          "usage: WriterMain <jdbc-url> <user> <per-second> <threads> <new messages>");
      System.exit(2);
    }
    List<String> arguments = Arrays.asList(args);
    NewMessages messages = NewMessages.fromArguments(arguments.subList(4, 7));
    Map<String, String> options = new HashMap<>();
    options.put("user", args[1]);
    options.put("password", System.getenv().getOrDefault(PASSWORD, ""));
    BenchTarget target = new BenchTarget(args[0], messages.vendor(), BenchSize.TINY, options);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (HikariDataSource pool = target.openDataSource("bench-writer")) {
      SteadyWriter writer =
          SteadyWriter.start(pool, messages, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      out.println("started");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.startsWith("stop")) {
        if (line.equals("mark")) {
          writer.interval();
          out.println("marked");
        }
      }
      writer.close();
      if (line != null && line.startsWith("stop ")) {
        writer.inserts().writeTo(Path.of(line.substring("stop ".length())));
      }
      Histogram latency = writer.interval();
      out.println("result " + writer.inserted() + " " + writer.failed() + " " + encode(latency));
    }
  }

  static String encode(Histogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
  }

  static Histogram decode(String text) throws java.util.zip.DataFormatException {
    return Histogram.decodeFromCompressedByteBuffer(
        ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
  }
}
