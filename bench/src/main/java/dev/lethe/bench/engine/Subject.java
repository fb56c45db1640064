package dev.lethe.bench.engine;

/**
 * One erasure's subject: the root row's id, and the workspace it is in (for tenant-bound scopes).
 */
record Subject(long id, long workspace) {}
