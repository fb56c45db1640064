package dev.lethe.core.ledger;

import static dev.lethe.core.ledger.LedgerTables.*;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/** What someone with write access to Lethe's database could do to the ledger behind its back. */
final class Tampering {

  private final DSLContext dsl;

  Tampering(DSLContext dsl) {
    this.dsl = dsl;
  }

  <T> void set(long seq, Field<T> field, T value) {
    dsl.update(LEDGER).set(field, value).where(SEQ.eq(seq)).execute();
  }

  void delete(long seq) {
    dsl.deleteFrom(LEDGER).where(SEQ.eq(seq)).execute();
  }

  void setHead(Anchor head) {
    dsl.update(HEAD)
        .set(HEAD_SEQ, head.seq())
        .set(HEAD_HASH, head.entryHash())
        .where(HEAD_ID.eq(HEAD_ROW))
        .execute();
  }

  /** Exchanges everything but the seq between two rows. */
  void swap(long a, long b) {
    LedgerEntry first = read(a);
    LedgerEntry second = read(b);
    write(a, second);
    write(b, first);
  }

  /** Moves every row from {@code seq} up by one and puts a well-formed entry in the hole. */
  void insertAt(long seq, String body) {
    List<Long> later =
        dsl.select(SEQ).from(LEDGER).where(SEQ.ge(seq)).orderBy(SEQ.desc()).fetch(SEQ);
    for (long s : later) {
      dsl.update(LEDGER).set(SEQ, s + 1).where(SEQ.eq(s)).execute();
    }
    LedgerEntry before = read(seq - 1);
    LedgerEntry forged =
        LedgerEntry.link(
            seq, "erasure-receipt", "forged", before.recordedAt(), body, before.entryHash());
    dsl.insertInto(LEDGER)
        .set(SEQ, seq)
        .set(TYPE, forged.type())
        .set(REFERENCE, forged.reference())
        .set(RECORDED_AT, utc(forged.recordedAt()))
        .set(BODY, forged.body())
        .set(BODY_HASH, forged.bodyHash())
        .set(PREVIOUS_HASH, forged.previousHash())
        .set(ENTRY_HASH, forged.entryHash())
        .execute();
  }

  /** Replaces the body at {@code seq} and recomputes every hash after it, head included. */
  void rewriteFrom(long seq, String body) {
    String previous = seq == 1 ? ChainHashes.GENESIS : read(seq - 1).entryHash();
    long last = dsl.select(SEQ).from(LEDGER).orderBy(SEQ.desc()).limit(1).fetchSingle(SEQ);
    for (long s = seq; s <= last; s++) {
      LedgerEntry old = read(s);
      LedgerEntry rewritten =
          LedgerEntry.link(
              s,
              old.type(),
              old.reference(),
              old.recordedAt(),
              s == seq ? body : old.body(),
              previous);
      write(s, rewritten);
      previous = rewritten.entryHash();
    }
    setHead(new Anchor(last, previous));
  }

  private LedgerEntry read(long seq) {
    return dsl.select(ENTRY_FIELDS)
        .from(LEDGER)
        .where(SEQ.eq(seq))
        .fetchSingle(LedgerTables::entry);
  }

  private void write(long seq, LedgerEntry e) {
    dsl.update(LEDGER)
        .set(TYPE, e.type())
        .set(REFERENCE, e.reference())
        .set(RECORDED_AT, utc(e.recordedAt()))
        .set(BODY, e.body())
        .set(BODY_HASH, e.bodyHash())
        .set(PREVIOUS_HASH, e.previousHash())
        .set(ENTRY_HASH, e.entryHash())
        .where(SEQ.eq(seq))
        .execute();
  }
}
