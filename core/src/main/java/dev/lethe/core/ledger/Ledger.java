package dev.lethe.core.ledger;

import static dev.lethe.core.ledger.LedgerTables.*;

import dev.lethe.core.request.RequestStore;
import dev.lethe.core.schema.Vendor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * The tamper-evident ledger of receipts, in Lethe's own database: an append-only hash chain in
 * which every entry carries the hash of the one before. Editing, removing, inserting or moving an
 * entry breaks a link that {@link #verify()} reports; a removed tail or a rewritten chain is caught
 * by an {@link Anchor} kept elsewhere. See {@code docs/ledger.md}.
 */
public final class Ledger {

  private final DSLContext dsl;
  private final Clock clock;

  public Ledger(DSLContext dsl, Clock clock) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Migrates Lethe's database (the ledger tables come with it) and opens the ledger. */
  public static Ledger open(DataSource dataSource, Vendor vendor, Clock clock) {
    RequestStore.migrate(dataSource, vendor);
    return new Ledger(vendor.dsl(dataSource), clock);
  }

  /**
   * Records a body (a JSON object, canonicalized before it is hashed) as the next entry. The head
   * row is locked for the transaction, so concurrent appenders (threads or instances) take turns
   * and the chain never forks.
   *
   * @param type what the body is, such as {@code erasure-receipt} or {@code retention}
   * @param reference the request or run the body is about
   */
  public LedgerEntry append(String type, String reference, String bodyJson) {
    LedgerEntry.requireType(type);
    LedgerEntry.requireReference(reference);
    String body = CanonicalJson.of(bodyJson);
    return dsl.transactionResult(tx -> appendLocked(tx.dsl(), type, reference, body));
  }

  private LedgerEntry appendLocked(DSLContext tx, String type, String reference, String body) {
    Anchor head =
        tx.select(HEAD_SEQ, HEAD_HASH)
            .from(HEAD)
            .where(HEAD_ID.eq(HEAD_ROW))
            .forUpdate()
            .fetchSingle(r -> new Anchor(r.value1(), r.value2()));
    // Read under the lock, so recorded_at never goes backwards along the chain.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    LedgerEntry entry =
        LedgerEntry.link(head.seq() + 1, type, reference, now, body, head.entryHash());
    tx.insertInto(LEDGER)
        .set(SEQ, entry.seq())
        .set(TYPE, entry.type())
        .set(REFERENCE, entry.reference())
        .set(RECORDED_AT, utc(entry.recordedAt()))
        .set(BODY, entry.body())
        .set(BODY_HASH, entry.bodyHash())
        .set(PREVIOUS_HASH, entry.previousHash())
        .set(ENTRY_HASH, entry.entryHash())
        .execute();
    tx.update(HEAD)
        .set(HEAD_SEQ, entry.seq())
        .set(HEAD_HASH, entry.entryHash())
        .where(HEAD_ID.eq(HEAD_ROW))
        .execute();
    return entry;
  }

  public Optional<LedgerEntry> find(long seq) {
    return dsl.select(ENTRY_FIELDS)
        .from(LEDGER)
        .where(SEQ.eq(seq))
        .fetchOptional()
        .map(LedgerTables::entry);
  }

  /** The entries about one request or run, oldest first. */
  public List<LedgerEntry> byReference(String reference) {
    return dsl.select(ENTRY_FIELDS)
        .from(LEDGER)
        .where(REFERENCE.eq(reference))
        .orderBy(SEQ)
        .fetch(LedgerTables::entry);
  }

  /** The latest entry about one request or run, if any. */
  public Optional<LedgerEntry> latest(String reference) {
    return dsl.select(ENTRY_FIELDS)
        .from(LEDGER)
        .where(REFERENCE.eq(reference))
        .orderBy(SEQ.desc())
        .limit(1)
        .fetchOptional()
        .map(LedgerTables::entry);
  }

  /**
   * Up to {@code limit} entries from seq {@code from} down, newest first: a page of the ledger to
   * read. Seqs have no gaps, so the next page starts at the last seq of this one minus one.
   */
  public List<LedgerEntry> newestFrom(long from, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one entry");
    }
    return dsl.select(ENTRY_FIELDS)
        .from(LEDGER)
        .where(SEQ.le(from))
        .orderBy(SEQ.desc())
        .limit(limit)
        .fetch(LedgerTables::entry);
  }

  /** The latest seq and entry hash: publish or store it elsewhere, then check with it later. */
  public Anchor head() {
    return ChainWalk.readHead(dsl);
  }

  /** Walks the whole chain and reports the first broken link, if any. */
  public Verification verify() {
    return new ChainWalk(dsl, Optional.empty()).run();
  }

  /** As {@link #verify()}, and checks that the anchored entry is still there, unchanged. */
  public Verification verify(Anchor anchor) {
    return new ChainWalk(dsl, Optional.of(anchor)).run();
  }
}
