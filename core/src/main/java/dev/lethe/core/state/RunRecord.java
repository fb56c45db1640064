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
    Optional<String> error) {}
