package dev.lethe.bench.retention;

import dev.lethe.bench.TransactionSpans;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Every insert of the steady writer since its mark: when it was due to start (wall clock,
 * microseconds since the epoch) and how long it took from then. Kept in the writer's process and
 * handed to the benchmark in a file, a line an insert, to be set beside a contestant's
 * transactions: the inserts due while one of them was open, and those due between them.
 */
final class WriterInserts {

  private long[] starts = new long[4096];
  private long[] micros = new long[4096];
  private int size;

  /** An insert due at {@code startMicros} took {@code tookMicros}. */
  synchronized void add(long startMicros, long tookMicros) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      micros = Arrays.copyOf(micros, size * 2);
    }
    starts[size] = startMicros;
    micros[size] = tookMicros;
    size++;
  }

  synchronized void clear() {
    size = 0;
  }

  synchronized int size() {
    return size;
  }

  synchronized void writeTo(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < size; i++) {
        out.write(starts[i] + " " + micros[i] + "\n");
      }
    }
  }

  static WriterInserts readFrom(Path file) throws IOException {
    WriterInserts inserts = new WriterInserts();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space < 0) {
        throw new IOException("not an insert's start and time: '" + line + "'");
      }
      inserts.add(Long.parseLong(line, 0, space, 10), Long.parseLong(line.substring(space + 1)));
    }
    return inserts;
  }

  /**
   * The latencies of the inserts due while one of {@code spans} was open ({@code true}) or while
   * none was ({@code false}), in microseconds.
   */
  synchronized Histogram latencies(TransactionSpans spans, boolean whileOpen) {
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < size; i++) {
      if (spans.open(starts[i]) == whileOpen) {
        histogram.recordValue(Math.max(1, micros[i]));
      }
    }
    return histogram;
  }
}
