package dev.lethe.core.desk;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import java.util.List;
import java.util.UUID;

/** The receipts of a request's runs in the ledger: one entry per run, referenced by request id. */
final class ErasureReceipts {

  /** The ledger entry type of an erasure's receipt. */
  static final String ENTRY_TYPE = Desk.ERASURE_ENTRY;

  private final Ledger ledger;

  ErasureReceipts(Ledger ledger) {
    this.ledger = ledger;
  }

  List<Receipt> of(UUID requestId) {
    return entries(requestId).stream().map(e -> ReceiptJson.read(e.body())).toList();
  }

  /**
   * Appends the run's receipt unless it is there already (a retry after a crash).
   *
   * @return whether it was appended now
   */
  boolean record(UUID requestId, Receipt receipt) {
    boolean known = of(requestId).stream().anyMatch(r -> r.runId().equals(receipt.runId()));
    if (!known) {
      ledger.append(ENTRY_TYPE, requestId.toString(), ReceiptJson.write(receipt));
    }
    return !known;
  }

  private List<LedgerEntry> entries(UUID requestId) {
    return ledger.byReference(requestId.toString()).stream()
        .filter(e -> e.type().equals(ENTRY_TYPE))
        .toList();
  }
}
