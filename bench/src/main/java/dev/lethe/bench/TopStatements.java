package dev.lethe.bench;

import java.util.Locale;

/** For profiling: the statements a contestant spent most time in, with how often they ran. */
public final class TopStatements {

  private TopStatements() {}

  /** Prints to stderr the {@code n} SQL texts that took the most time in all, with counts. */
  public static void print(String contestant, TransactionClock clock, int n) {
    System.err.println("  " + contestant + ": statements by total time (count, ms, SQL)");
    clock.bySql().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .limit(n)
        .forEach(
            e ->
                System.err.printf(
                    Locale.ROOT,
                    "    %8d %8d  %s%n",
                    e.getValue()[0],
                    e.getValue()[1] / 1_000_000,
                    e.getKey().replace('\n', ' ')));
  }
}
