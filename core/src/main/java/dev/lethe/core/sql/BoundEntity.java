package dev.lethe.core.sql;

import dev.lethe.core.datamap.Entity;
import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.ForeignKey;
import dev.lethe.core.schema.Table;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * An entity of the data map bound to its live table: quoted names in the database's own case and
 * typed fields, so values bind correctly whatever the column types are.
 */
public final class BoundEntity {

  private final Entity entity;
  private final Table table;
  private final org.jooq.Table<Record> sqlTable;

  BoundEntity(Entity entity, Table table) {
    this.entity = entity;
    this.table = table;
    this.sqlTable = DSL.table(DSL.name(table.name()));
  }

  public Entity entity() {
    return entity;
  }

  public String name() {
    return entity.name();
  }

  public org.jooq.Table<Record> table() {
    return sqlTable;
  }

  public Field<Object> key() {
    return field(entity.key());
  }

  public Optional<Field<Object>> tenant() {
    return entity.tenant().map(this::field);
  }

  /**
   * Whether the database refuses to delete a row of {@code parent} while a row of this entity
   * refers to it by {@code column}: a declared foreign key to the parent's key that neither
   * cascades nor sets null.
   */
  public boolean guardsDeleteOf(String column, BoundEntity parent) {
    return deleteRuleOf(column, parent)
        .filter(r -> r == ForeignKey.DeleteRule.RESTRICT)
        .isPresent();
  }

  /**
   * The delete rule of the foreign key by which this entity's {@code column} refers to {@code
   * parent}'s key (of several, the one that refuses the delete first, as the database enforces them
   * all); empty where the schema declares none.
   */
  public Optional<ForeignKey.DeleteRule> deleteRuleOf(String column, BoundEntity parent) {
    String live = liveColumn(column).name();
    return table.foreignKeys().stream()
        .filter(
            fk ->
                fk.column().equalsIgnoreCase(live)
                    && fk.referencedTable().equalsIgnoreCase(parent.table.name())
                    && fk.referencedColumn().equalsIgnoreCase(parent.entity.key()))
        .map(ForeignKey::onDelete)
        .min(Comparator.naturalOrder());
  }

  /** The column as a typed field; the column must exist (the map was validated). */
  @SuppressWarnings("unchecked")
  public Field<Object> field(String column) {
    Column live = liveColumn(column);
    return (Field<Object>) DSL.field(DSL.name(table.name(), live.name()), typeOf(live));
  }

  /** The column as text (identity and file columns). */
  public Field<String> text(String column) {
    return DSL.field(DSL.name(table.name(), liveColumn(column).name()), SQLDataType.VARCHAR);
  }

  public Column liveColumn(String column) {
    return table
        .column(column)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "column " + entity.table() + "." + column + " does not exist"));
  }

  /** Converts a key as stored in Lethe's own tables (text) back to the key column's type. */
  public Object keyFromText(String text) {
    return valueOf(liveColumn(entity.key()), text);
  }

  public List<Object> keysFromText(Collection<String> texts) {
    return texts.stream().map(this::keyFromText).toList();
  }

  /** Converts a textual value (a request parameter, a hold) to the column's Java type. */
  public Object valueFor(String column, String text) {
    return valueOf(liveColumn(column), text);
  }

  /**
   * An instant in the column's own type: an offset time for time-zone-aware columns, a UTC local
   * time for plain timestamps, a UTC date for dates.
   */
  public Object timeFor(String column, java.time.Instant instant) {
    java.time.OffsetDateTime utc = instant.atOffset(java.time.ZoneOffset.UTC);
    return switch (liveColumn(column).jdbcType()) {
      case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> utc;
      case java.sql.Types.DATE -> utc.toLocalDate();
      default -> utc.toLocalDateTime();
    };
  }

  static Object valueOf(Column column, String text) {
    if (column.isIntegral()) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + column.name() + "' takes a whole number");
      }
    }
    if (isUuid(column)) {
      try {
        return UUID.fromString(text.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + column.name() + "' takes a UUID");
      }
    }
    return text;
  }

  private static boolean isUuid(Column column) {
    return column.typeName() != null && column.typeName().toLowerCase(Locale.ROOT).equals("uuid");
  }

  static DataType<?> typeOf(Column column) {
    if (column.isIntegral()) {
      return SQLDataType.BIGINT;
    }
    if (isUuid(column)) {
      return SQLDataType.UUID;
    }
    return switch (column.jdbcType()) {
      case java.sql.Types.TIMESTAMP -> SQLDataType.LOCALDATETIME;
      case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> SQLDataType.OFFSETDATETIME;
      case java.sql.Types.DATE -> SQLDataType.LOCALDATE;
      case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> SQLDataType.NUMERIC;
      case java.sql.Types.DOUBLE, java.sql.Types.FLOAT, java.sql.Types.REAL -> SQLDataType.DOUBLE;
      case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> SQLDataType.BOOLEAN;
      default -> column.isText() ? SQLDataType.VARCHAR : SQLDataType.OTHER;
    };
  }

  @Override
  public String toString() {
    return entity.name();
  }
}
