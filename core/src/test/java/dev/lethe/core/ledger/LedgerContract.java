package dev.lethe.core.ledger;

import static dev.lethe.core.ledger.LedgerTables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.ledger.Verification.Break;
import dev.lethe.core.ledger.Verification.Reason;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.SettableClock;
import dev.lethe.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's chain, on each database Lethe keeps its state in. */
abstract class LedgerContract {

  static final Instant START = Instant.parse("2025-03-01T10:15:30.123456Z");

  TestDatabase db;
  final SettableClock clock = new SettableClock(START);
  Ledger ledger;
  Tampering tamper;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    db = TestDatabase.create(kind());
    Vendor vendor =
        switch (kind()) {
          case H2 -> Vendor.H2;
          case POSTGRESQL -> Vendor.POSTGRESQL;
          case MARIADB -> Vendor.MARIADB;
        };
    ledger = Ledger.open(db.dataSource(), vendor, clock);
    tamper = new Tampering(DSL.using(db.dataSource(), vendor.dialect()));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  /** Appends {@code n} receipts, a second apart, for runs run-1 … run-n. */
  List<LedgerEntry> appendReceipts(int n) {
    List<LedgerEntry> entries = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      entries.add(
          ledger.append(
              "erasure-receipt", "run-" + i, "{\"runId\":\"run-" + i + "\",\"n\":" + i + "}"));
      clock.advance(Duration.ofSeconds(1));
    }
    return entries;
  }

  Break firstBreak(Verification verification) {
    assertThat(verification.intact()).as("the chain should be broken").isFalse();
    return verification.firstBreak().orElseThrow();
  }

  @Test
  void each_entry_carries_the_hash_of_the_one_before() {
    List<LedgerEntry> entries = appendReceipts(3);

    assertThat(entries).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
    assertThat(entries.get(0).previousHash()).isEqualTo(ChainHashes.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
    assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).entryHash());
    assertThat(ledger.find(2)).contains(entries.get(1));
    assertThat(ledger.head()).isEqualTo(entries.get(2).anchor());
  }

  @Test
  void an_empty_ledger_verifies_and_its_head_is_the_genesis() {
    Verification verification = ledger.verify(Anchor.empty());

    assertThat(verification.intact()).isTrue();
    assertThat(verification.entriesChecked()).isZero();
    assertThat(ledger.head()).isEqualTo(Anchor.empty());
  }

  @Test
  void an_intact_chain_verifies_up_to_its_head() {
    List<LedgerEntry> entries = appendReceipts(5);

    Verification verification = ledger.verify();

    assertThat(verification.intact()).isTrue();
    assertThat(verification.entriesChecked()).isEqualTo(5);
    assertThat(verification.head()).isEqualTo(entries.get(4).anchor());
  }

  @Test
  void entries_are_found_by_seq_and_by_reference_oldest_first() {
    ledger.append("erasure-receipt", "req-1", "{\"step\":1}");
    ledger.append("retention", "run-9", "{\"purged\":4}");
    ledger.append("erasure-receipt", "req-1", "{\"step\":2}");

    assertThat(ledger.byReference("req-1"))
        .extracting(LedgerEntry::seq, LedgerEntry::body)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "{\"step\":1}"),
            org.assertj.core.groups.Tuple.tuple(3L, "{\"step\":2}"));
    assertThat(ledger.byReference("REQ-1")).isEmpty();
    assertThat(ledger.find(2).orElseThrow().type()).isEqualTo("retention");
    assertThat(ledger.find(4)).isEmpty();
    assertThat(ledger.latest("req-1").orElseThrow().seq()).isEqualTo(3L);
    assertThat(ledger.latest("req-2")).isEmpty();
  }

  @Test
  void pages_of_the_ledger_are_read_newest_first_from_a_seq_down() {
    appendReceipts(5);

    assertThat(ledger.newestFrom(5, 2)).extracting(LedgerEntry::seq).containsExactly(5L, 4L);
    assertThat(ledger.newestFrom(3, 2)).extracting(LedgerEntry::seq).containsExactly(3L, 2L);
    assertThat(ledger.newestFrom(1, 2)).extracting(LedgerEntry::seq).containsExactly(1L);
    assertThat(ledger.newestFrom(0, 2)).isEmpty();
    assertThatThrownBy(() -> ledger.newestFrom(5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_same_json_in_another_key_order_and_spacing_has_the_same_body_hash() {
    LedgerEntry compact =
        ledger.append("erasure-receipt", "a", "{\"b\":{\"d\":1,\"c\":2},\"a\":[1]}");
    LedgerEntry spaced =
        ledger.append(
            "erasure-receipt", "b", "{\n  \"a\" : [ 1 ],\n  \"b\" : { \"c\" : 2, \"d\" : 1 }\n}");

    assertThat(spaced.bodyHash()).isEqualTo(compact.bodyHash());
    assertThat(ledger.find(2).orElseThrow().body())
        .isEqualTo("{\"a\":[1],\"b\":{\"c\":2,\"d\":1}}");
  }

  @Test
  void recorded_at_is_kept_in_utc_whatever_the_session_time_zone() {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("Asia/Jakarta"));
    try {
      LedgerEntry appended = ledger.append("erasure-receipt", "run-1", "{\"a\":1}");
      LedgerEntry stored = ledger.find(1).orElseThrow();

      assertThat(stored.recordedAt()).isEqualTo(START);
      assertThat(stored).isEqualTo(appended);
      assertThat(stored.entryHash())
          .isEqualTo(
              ChainHashes.entryHash(
                  1,
                  "erasure-receipt",
                  "run-1",
                  Instant.parse("2025-03-01T10:15:30.123456Z"),
                  stored.bodyHash(),
                  ChainHashes.GENESIS));
      assertThat(ledger.verify().intact()).isTrue();
    } finally {
      TimeZone.setDefault(before);
    }
  }

  @Test
  void recorded_at_keeps_microseconds_and_drops_nanoseconds() {
    clock.advance(Duration.ofNanos(789));

    LedgerEntry entry = ledger.append("erasure-receipt", "run-1", "{}");

    assertThat(entry.recordedAt()).isEqualTo(START);
    assertThat(ledger.find(1).orElseThrow().recordedAt()).isEqualTo(START);
  }

  @Test
  void bodies_that_are_not_json_objects_and_malformed_names_are_refused_and_nothing_is_written() {
    assertThatThrownBy(() -> ledger.append("erasure-receipt", "run-1", "not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.append("Erasure Receipt", "run-1", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ledger.append("erasure-receipt", "run-1\nseq 2", "{}"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(ledger.head()).isEqualTo(Anchor.empty());
  }

  @Test
  void an_edited_body_is_reported_at_its_seq() {
    appendReceipts(5);
    tamper.set(3, BODY, "{\"n\":3,\"runId\":\"run-other\"}");

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.BODY_HASH_MISMATCH);
    assertThat(broken.detail()).doesNotContain("run-other");
  }

  @Test
  void an_edited_body_with_its_body_hash_recomputed_breaks_the_entry_hash() {
    appendReceipts(5);
    String forged = "{\"n\":3,\"runId\":\"run-other\"}";
    tamper.set(3, BODY, forged);
    tamper.set(3, BODY_HASH, ChainHashes.bodyHash(forged));

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
  }

  @Test
  void an_edited_entry_hash_is_reported_at_its_seq() {
    appendReceipts(5);
    tamper.set(3, ENTRY_HASH, "f".repeat(64));

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
  }

  @Test
  void an_edited_reference_or_time_is_reported_at_its_seq() {
    appendReceipts(5);
    tamper.set(4, RECORDED_AT, utc(START.minus(Duration.ofDays(1))));

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.reason()).isEqualTo(Reason.ENTRY_HASH_MISMATCH);
  }

  @Test
  void a_deleted_row_is_reported_as_the_missing_seq() {
    appendReceipts(5);
    tamper.delete(3);

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.MISSING_SEQ);
    assertThat(broken.detail()).contains("found 4");
  }

  @Test
  void reordered_rows_break_the_previous_link_at_the_first_moved_seq() {
    appendReceipts(5);
    tamper.swap(3, 4);

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.PREVIOUS_LINK_BROKEN);
  }

  @Test
  void an_entry_inserted_in_the_middle_with_its_own_hash_recomputed_breaks_the_next_link() {
    appendReceipts(5);
    tamper.insertAt(3, "{\"forged\":true}");

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(4);
    assertThat(broken.reason()).isEqualTo(Reason.PREVIOUS_LINK_BROKEN);
  }

  @Test
  void a_removed_last_row_is_reported_against_the_head() {
    appendReceipts(5);
    tamper.delete(5);

    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(5);
    assertThat(broken.reason()).isEqualTo(Reason.HEAD_MISMATCH);
  }

  @Test
  void a_removed_last_row_with_the_head_rewound_is_caught_by_the_anchor() {
    List<LedgerEntry> entries = appendReceipts(5);
    Anchor published = ledger.head();
    tamper.delete(5);
    tamper.setHead(entries.get(3).anchor());

    assertThat(ledger.verify().intact()).isTrue();
    Break broken = firstBreak(ledger.verify(published));

    assertThat(broken.seq()).isEqualTo(5);
    assertThat(broken.reason()).isEqualTo(Reason.ANCHOR_MISMATCH);
  }

  @Test
  void a_chain_rewritten_from_the_middle_is_caught_by_an_older_anchor() {
    appendReceipts(3);
    Anchor published = ledger.head();
    appendReceipts(2);
    tamper.rewriteFrom(2, "{\"n\":2,\"runId\":\"run-rewritten\"}");

    assertThat(ledger.verify().intact()).isTrue();
    Break broken = firstBreak(ledger.verify(published));

    assertThat(broken.seq()).isEqualTo(3);
    assertThat(broken.reason()).isEqualTo(Reason.ANCHOR_MISMATCH);
  }

  @Test
  void an_anchor_still_holds_after_later_appends() {
    appendReceipts(3);
    Anchor published = ledger.head();
    appendReceipts(4);

    Verification verification = ledger.verify(published);

    assertThat(verification.intact()).isTrue();
    assertThat(verification.head().seq()).isEqualTo(7);
  }

  @Test
  void chains_longer_than_a_page_are_walked_to_the_end_and_a_late_break_is_found() {
    int n = 2 * ChainWalk.PAGE_SIZE + 7;
    appendReceipts(n);
    assertThat(ledger.verify().entriesChecked()).isEqualTo(n);

    tamper.set(ChainWalk.PAGE_SIZE + 3, BODY, "{}");
    Break broken = firstBreak(ledger.verify());

    assertThat(broken.seq()).isEqualTo(ChainWalk.PAGE_SIZE + 3);
    assertThat(broken.reason()).isEqualTo(Reason.BODY_HASH_MISMATCH);
  }

  @Test
  void eight_threads_appending_at_once_make_one_gap_free_chain() throws Exception {
    int threads = 8;
    int each = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String reference = "thread-" + t;
        results.add(
            pool.submit(
                () -> {
                  List<Long> seqs = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    seqs.add(
                        ledger.append("erasure-receipt", reference, "{\"i\":" + i + "}").seq());
                  }
                  return seqs;
                }));
      }
      List<Long> seqs = new ArrayList<>();
      for (Future<List<Long>> result : results) {
        seqs.addAll(result.get());
      }

      assertThat(seqs).doesNotHaveDuplicates().hasSize(threads * each);
      assertThat(seqs).allMatch(s -> s >= 1 && s <= threads * each);
      Verification verification = ledger.verify();
      assertThat(verification.firstBreak()).isEmpty();
      assertThat(verification.entriesChecked()).isEqualTo(threads * each);
    } finally {
      pool.shutdownNow();
    }
  }
}
