package dev.lethe.core.schema;

/**
 * A declared single-column foreign key: {@code table.column → referencedTable.referencedColumn}.
 */
public record ForeignKey(
    String table, String column, String referencedTable, String referencedColumn) {}
