package dev.lethe.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.server.console.ledger.LedgerRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data map's retention rules run on their schedule, and each sweep lands in the ledger. */
class RetentionScheduleH2Test {

  @Test
  void retention_runs_on_its_schedule_and_records_its_outcomes() throws Exception {
    try (RunningServer server =
        RunningServer.demo(
            "--lethe.meta.apps[0].name=crm",
            "--lethe.meta.apps[0].secret=test-app-secret-0123",
            "--lethe.retention.schedule=FIXED_DELAY|1s")) {
      List<LedgerEntry> sweeps = awaitSweeps(server.bean(Ledger.class));

      // the schedule's first sweep may run before any count taken here: its ledger entries tell
      assertThat(sweeps).isNotEmpty();
      assertThat(server.bean(Ledger.class).verify().intact()).isTrue();
      long deleted =
          sweeps.stream()
              .mapToLong(e -> LedgerRow.retentionCounts(e.body()).get(Outcome.DELETED))
              .sum();
      assertThat(deleted).as("the sample's messages older than 13 months, deleted").isPositive();
      long aged =
          Sql.count(
              server.host(),
              "SELECT COUNT(*) FROM messages WHERE created_at < ?",
              java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(400))));
      assertThat(aged).as("no message older than 13 months left").isZero();
    }
  }

  private static List<LedgerEntry> awaitSweeps(Ledger ledger) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (Instant.now().isBefore(deadline)) {
      List<LedgerEntry> sweeps =
          java.util.stream.LongStream.rangeClosed(1, ledger.head().seq())
              .mapToObj(seq -> ledger.find(seq).orElseThrow())
              .filter(e -> e.type().equals(Desk.RETENTION_ENTRY))
              .toList();
      if (!sweeps.isEmpty()) {
        return sweeps;
      }
      Thread.sleep(200);
    }
    return List.of();
  }
}
