package dev.lethe.bench.engine;

/**
 * What a contestant reports of its own run.
 *
 * @param extrapolatedMillis the time the whole work would take, when only a sample was timed; null
 *     when all of it was
 * @param verified Lethe's verification (null for baselines)
 * @param rowsDeleted rows the contestant deleted itself (cascades excluded), or -1 if unknown
 */
record Work(Long extrapolatedMillis, Boolean verified, long rowsDeleted) {}
