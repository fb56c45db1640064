package dev.lethe.bench.retention;

import dev.lethe.bench.LongPairs;
import dev.lethe.bench.TransactionClock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Every insert of the steady writer since its mark: when it was due to start (wall clock,
 * microseconds since the epoch) and how long it took from then. Kept in the writer's process and
 * handed to the benchmark in a file, a line an insert, to be set beside a contestant's
 * transactions: the inserts due while one of them ran its statements, while one committed, and
 * between them.
 */
final class WriterInserts {

  /**
   * The writer's inserts' latencies: those due while a contestant's transaction was running its
   * statements, while it was committing, and between its transactions.
   */
  record Split(Histogram statements, Histogram commit, Histogram between) {

    /** Every insert due inside a transaction, its statements' or its commit's. */
    Histogram inside() {
      Histogram inside = statements.copy();
      inside.add(commit);
      return inside;
    }

    /** The share of the inserts due inside a transaction; 0 when there were none. */
    double shareInside() {
      return share(statements.getTotalCount() + commit.getTotalCount());
    }

    /** The share of the inserts due while a transaction was committing; 0 when there were none. */
    double shareInCommit() {
      return share(commit.getTotalCount());
    }

    private double share(long count) {
      long all = statements.getTotalCount() + commit.getTotalCount() + between.getTotalCount();
      return all == 0 ? 0 : count / (double) all;
    }
  }

  /** Each insert's due time (first) and how long it took (second), both in microseconds. */
  private final LongPairs inserts = new LongPairs();

  /** An insert due at {@code startMicros} took {@code tookMicros}. */
  synchronized void add(long startMicros, long tookMicros) {
    inserts.add(startMicros, tookMicros);
  }

  synchronized void clear() {
    inserts.clear();
  }

  synchronized int size() {
    return inserts.size();
  }

  synchronized void writeTo(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < inserts.size(); i++) {
        out.write(inserts.first(i) + " " + inserts.second(i) + "\n");
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
   * The latencies, in microseconds, of the inserts due while one of {@code spans} was committing,
   * open but not committing, and neither.
   */
  synchronized Split split(TransactionClock.Spans spans) {
    Split split = new Split(new Histogram(3), new Histogram(3), new Histogram(3));
    for (int i = 0; i < inserts.size(); i++) {
      long due = inserts.first(i);
      Histogram into =
          spans.committing().open(due)
              ? split.commit()
              : spans.open().open(due) ? split.statements() : split.between();
      into.recordValue(Math.max(1, inserts.second(i)));
    }
    return split;
  }
}
