package dev.lethe.core.schema;

/**
 * A declared single-column foreign key: {@code table.column → referencedTable.referencedColumn}.
 *
 * @param restrictsDelete whether deleting a referenced row fails while a row refers to it ({@code
 *     NO ACTION} or {@code RESTRICT}), rather than deleting or updating the rows that refer to it
 */
public record ForeignKey(
    String table,
    String column,
    String referencedTable,
    String referencedColumn,
    boolean restrictsDelete) {}
