package dev.lethe.server.console.ledger;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.ledger.LedgerEntry;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptJson;
import dev.lethe.core.request.DeletionRequest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One ledger entry as the ledger page lists it: what kind of entry, what it is about (a request, by
 * its confirmation code, or a retention rule), the rows it deleted, when, and its hash. Bodies are
 * receipts without personal data; only their counts are read.
 *
 * @param requestId the request an erasure receipt is about, when it is still known
 * @param about the request's confirmation code, the retention rule, or the reference as stored
 */
public record LedgerRow(
    long seq,
    String type,
    Optional<UUID> requestId,
    String about,
    long rows,
    Instant recordedAt,
    String entryHash) {

  /** The rows of an entry whose body cannot be read. */
  public static final long UNREADABLE = -1;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static LedgerRow of(LedgerEntry entry, Function<UUID, Optional<DeletionRequest>> requests) {
    Optional<UUID> id = Optional.empty();
    String about = entry.reference();
    long rows = 0;
    if (entry.type().equals(Desk.ERASURE_ENTRY)) {
      id = uuid(entry.reference());
      Optional<DeletionRequest> request = id.flatMap(requests);
      if (request.isPresent()) {
        about = request.get().confirmationCode();
      }
      rows = erasureRows(entry.body());
    } else if (entry.type().equals(Desk.RETENTION_ENTRY)) {
      about = entry.reference().substring(entry.reference().indexOf(':') + 1);
      rows = retentionRows(entry.body());
    }
    return new LedgerRow(
        entry.seq(), entry.type(), id, about, rows, entry.recordedAt(), entry.entryHash());
  }

  /**
   * Rows an erasure deleted or detached; {@link #UNREADABLE} for a body that is not a receipt (the
   * ledger was tampered with: its check says where).
   */
  static long erasureRows(String body) {
    try {
      Receipt receipt = ReceiptJson.read(body);
      return receipt.total(Outcome.DELETED) + receipt.total(Outcome.DETACHED);
    } catch (RuntimeException e) {
      return UNREADABLE;
    }
  }

  /** Rows a retention sweep deleted, from its counts per entity and outcome. */
  static long retentionRows(String body) {
    try {
      return retentionCounts(body).get(Outcome.DELETED);
    } catch (RuntimeException e) {
      return UNREADABLE;
    }
  }

  /** A retention sweep's rows per outcome, added up over its entities. */
  public static Map<Outcome, Long> retentionCounts(String body) {
    Map<Outcome, Long> sums = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      sums.put(outcome, 0L);
    }
    for (JsonNode perEntity : JSON.readTree(body).path("counts")) {
      for (Outcome outcome : Outcome.values()) {
        long n =
            perEntity.path(outcome.name()).asLong(0) + perEntity.path(outcome.code()).asLong(0);
        sums.merge(outcome, n, Long::sum);
      }
    }
    return sums;
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
