package dev.lethe.core.ledger;

import static dev.lethe.core.ledger.LedgerTables.*;

import dev.lethe.core.ledger.Verification.Break;
import dev.lethe.core.ledger.Verification.Reason;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * One verification of the whole chain, page by page so memory stays flat however long the ledger
 * is. Stops at the first broken link. Appends may go on meanwhile: the head read before the walk
 * bounds what must be there, the head read after it what may be there.
 */
final class ChainWalk {

  static final int PAGE_SIZE = 200;

  private final DSLContext dsl;
  private final Optional<Anchor> anchor;
  private long lastSeq = 0;
  private String lastHash = ChainHashes.GENESIS;
  private long checked = 0;
  private String hashAtHead;

  ChainWalk(DSLContext dsl, Optional<Anchor> anchor) {
    this.dsl = dsl;
    this.anchor = anchor;
  }

  static Anchor readHead(DSLContext dsl) {
    return dsl.select(HEAD_SEQ, HEAD_HASH)
        .from(HEAD)
        .where(HEAD_ID.eq(HEAD_ROW))
        .fetchSingle(r -> new Anchor(r.value1(), r.value2()));
  }

  Verification run() {
    Anchor headBefore = readHead(dsl);
    hashAtHead = headBefore.seq() == 0 ? ChainHashes.GENESIS : null;
    Optional<Break> broken = walk(headBefore.seq());
    if (broken.isEmpty()) {
      broken = checkHead(headBefore);
    }
    if (broken.isEmpty()) {
      broken = anchor.flatMap(this::checkAnchorReached);
    }
    return new Verification(checked, new Anchor(lastSeq, lastHash), broken);
  }

  private Optional<Break> walk(long headSeq) {
    while (true) {
      var page =
          dsl.select(ENTRY_FIELDS)
              .from(LEDGER)
              .where(SEQ.gt(lastSeq))
              .orderBy(SEQ)
              .limit(PAGE_SIZE)
              .fetch();
      for (Record row : page) {
        Optional<Break> broken = check(row);
        if (broken.isPresent()) {
          return broken;
        }
        checked++;
        lastSeq = row.get(SEQ);
        lastHash = row.get(ENTRY_HASH);
        if (lastSeq == headSeq) {
          hashAtHead = lastHash;
        }
        if (anchor.isPresent() && anchor.get().seq() == lastSeq) {
          broken = checkAnchorHash(anchor.get());
          if (broken.isPresent()) {
            return broken;
          }
        }
      }
      if (page.size() < PAGE_SIZE) {
        return Optional.empty();
      }
    }
  }

  private Optional<Break> check(Record row) {
    long expected = lastSeq + 1;
    long seq = row.get(SEQ);
    if (seq != expected) {
      return broken(expected, Reason.MISSING_SEQ, "expected seq " + expected + ", found " + seq);
    }
    String bodyHash = row.get(BODY_HASH);
    if (!ChainHashes.bodyHash(row.get(BODY)).equals(bodyHash)) {
      return broken(seq, Reason.BODY_HASH_MISMATCH, "the body does not hash to body_hash");
    }
    String previousHash = row.get(PREVIOUS_HASH);
    if (!lastHash.equals(previousHash)) {
      return broken(
          seq,
          Reason.PREVIOUS_LINK_BROKEN,
          "previous_hash " + previousHash + " is not the entry hash " + lastHash + " before it");
    }
    Instant recordedAt = instant(row.get(RECORDED_AT));
    String computed =
        ChainHashes.entryHash(
            seq, row.get(TYPE), row.get(REFERENCE), recordedAt, bodyHash, previousHash);
    if (!computed.equals(row.get(ENTRY_HASH))) {
      return broken(
          seq,
          Reason.ENTRY_HASH_MISMATCH,
          "entry_hash " + row.get(ENTRY_HASH) + " is not the hash " + computed + " of its fields");
    }
    return Optional.empty();
  }

  private Optional<Break> checkHead(Anchor headBefore) {
    if (lastSeq < headBefore.seq()) {
      return broken(
          lastSeq + 1,
          Reason.HEAD_MISMATCH,
          "the head records seq " + headBefore.seq() + " but the chain ends at seq " + lastSeq);
    }
    if (!headBefore.entryHash().equals(hashAtHead)) {
      return broken(
          headBefore.seq(),
          Reason.HEAD_MISMATCH,
          "the head's hash " + headBefore.entryHash() + " is not entry " + headBefore.seq() + "'s");
    }
    if (lastSeq > headBefore.seq()) {
      Anchor headAfter = readHead(dsl);
      if (headAfter.seq() < lastSeq) {
        return broken(
            headAfter.seq() + 1,
            Reason.HEAD_MISMATCH,
            "entries after the head's seq " + headAfter.seq() + " were not appended by the ledger");
      }
    }
    return Optional.empty();
  }

  private Optional<Break> checkAnchorHash(Anchor kept) {
    if (kept.entryHash().equals(lastHash)) {
      return Optional.empty();
    }
    return broken(
        kept.seq(),
        Reason.ANCHOR_MISMATCH,
        "entry " + kept.seq() + " has hash " + lastHash + ", the anchor " + kept.entryHash());
  }

  private Optional<Break> checkAnchorReached(Anchor kept) {
    if (kept.seq() == 0) {
      return kept.entryHash().equals(ChainHashes.GENESIS)
          ? Optional.empty()
          : broken(0, Reason.ANCHOR_MISMATCH, "an anchor at seq 0 has the genesis hash");
    }
    if (kept.seq() > lastSeq) {
      return broken(
          kept.seq(),
          Reason.ANCHOR_MISMATCH,
          "the chain ends at seq " + lastSeq + ", before the anchored seq " + kept.seq());
    }
    return Optional.empty();
  }

  private static Optional<Break> broken(long seq, Reason reason, String detail) {
    return Optional.of(new Break(seq, reason, detail));
  }
}
