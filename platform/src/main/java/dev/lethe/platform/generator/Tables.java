package dev.lethe.platform.generator;

/** Opens a sink for the rows of one table. */
@FunctionalInterface
interface Tables {
  RowSink open(String table, long rows, String... columns);
}
