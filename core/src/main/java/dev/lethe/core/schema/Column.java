package dev.lethe.core.schema;

/**
 * A column of a live table.
 *
 * @param jdbcType a {@link java.sql.Types} constant
 */
public record Column(String name, int jdbcType, String typeName, boolean nullable) {

  public boolean isText() {
    return switch (jdbcType) {
      case java.sql.Types.CHAR,
          java.sql.Types.VARCHAR,
          java.sql.Types.LONGVARCHAR,
          java.sql.Types.NCHAR,
          java.sql.Types.NVARCHAR,
          java.sql.Types.LONGNVARCHAR,
          java.sql.Types.CLOB,
          java.sql.Types.NCLOB ->
          true;
      default ->
          typeName != null
              && (typeName.equalsIgnoreCase("json")
                  || typeName.equalsIgnoreCase("jsonb")
                  || typeName.equalsIgnoreCase("text"));
    };
  }

  public boolean isIntegral() {
    return switch (jdbcType) {
      case java.sql.Types.BIGINT,
          java.sql.Types.INTEGER,
          java.sql.Types.SMALLINT,
          java.sql.Types.TINYINT ->
          true;
      default -> false;
    };
  }
}
