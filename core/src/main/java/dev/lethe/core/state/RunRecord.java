package dev.lethe.core.state;

import java.time.Instant;
import java.util.Optional;

/**
 * A run as stored: no identity in clear ({@code subjectSealed} is encrypted, {@code subjectHashes}
 * are keyed hashes).
 */
public record RunRecord(
    String id,
    String kind,
    String scope,
    Optional<String> workspace,
    RunStatus status,
    String dataMapName,
    String dataMapFingerprint,
    Optional<String> subjectSealed,
    String subjectHashes,
    String params,
    long batches,
    long version,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Optional<String> receipt,
    Optional<String> error) {

  /** A run that has been planned and not started. */
  public static RunRecord planned(
      String id,
      String kind,
      String scope,
      Optional<String> workspace,
      dev.lethe.core.datamap.DataMap map,
      Optional<String> subjectSealed,
      String subjectHashes,
      String params,
      Instant createdAt) {
    return new RunRecord(
        id,
        kind,
        scope,
        workspace,
        RunStatus.PLANNED,
        map.name(),
        map.fingerprint(),
        subjectSealed,
        subjectHashes,
        params,
        0,
        0,
        createdAt,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * This run as it is once running: started at {@code now} unless it had started before (a run
   * resumed keeps its first start).
   */
  public RunRecord started(Instant now) {
    return new RunRecord(
        id,
        kind,
        scope,
        workspace,
        RunStatus.RUNNING,
        dataMapName,
        dataMapFingerprint,
        subjectSealed,
        subjectHashes,
        params,
        batches,
        version,
        createdAt,
        Optional.of(startedAt.orElse(now)),
        finishedAt,
        receipt,
        error);
  }
}
