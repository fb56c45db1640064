package dev.lethe.core.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The proof of one erasure: what was deleted, detached, anonymized, retained (why, until when) and
 * held, per entity; the files deleted; the verification; the data map it ran against. The subject
 * appears only as keyed hashes.
 *
 * @param backupsClearedBy the date by which backups no longer hold the deleted data, when the
 *     service knows its backup retention (null otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
    String runId,
    String scope,
    String workspace,
    String dataMap,
    String dataMapFingerprint,
    List<String> subjectHashes,
    Instant startedAt,
    Instant finishedAt,
    boolean nothingFound,
    List<EntityOutcome> entities,
    Map<String, Long> filesDeleted,
    Verification verification,
    Instant backupsClearedBy) {

  public Receipt {
    subjectHashes = List.copyOf(subjectHashes);
    entities = List.copyOf(entities);
    filesDeleted = Map.copyOf(filesDeleted);
  }

  /** This receipt, stating the date by which backups no longer hold the data. */
  public Receipt withBackupsClearedBy(Instant by) {
    return new Receipt(
        runId,
        scope,
        workspace,
        dataMap,
        dataMapFingerprint,
        subjectHashes,
        startedAt,
        finishedAt,
        nothingFound,
        entities,
        filesDeleted,
        verification,
        by);
  }

  public long total(Outcome outcome) {
    return entities.stream()
        .mapToLong(
            e ->
                switch (outcome) {
                  case DELETED -> e.deleted();
                  case DETACHED -> e.detached();
                  case ANONYMIZED -> e.anonymized();
                  case RETAINED -> e.retained();
                  case HELD -> e.held();
                })
        .sum();
  }

  public EntityOutcome entity(String name) {
    return entities.stream()
        .filter(e -> e.entity().equals(name))
        .findFirst()
        .orElse(new EntityOutcome(name, 0, 0, 0, 0, 0, null, null, List.of()));
  }
}
