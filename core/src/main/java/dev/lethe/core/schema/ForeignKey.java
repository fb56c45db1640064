package dev.lethe.core.schema;

/**
 * A declared single-column foreign key: {@code table.column → referencedTable.referencedColumn}.
 *
 * @param onDelete what deleting a referenced row does while a row refers to it
 */
public record ForeignKey(
    String table,
    String column,
    String referencedTable,
    String referencedColumn,
    DeleteRule onDelete) {

  /** A foreign key's delete rule, as the database enforces it; the first refuses the most. */
  public enum DeleteRule {
    /** The delete fails ({@code NO ACTION} or {@code RESTRICT}). */
    RESTRICT,
    /** The referring rows are deleted with it. */
    CASCADE,
    /** The referring rows stay, their reference set to NULL or its default. */
    SET_NULL
  }
}
