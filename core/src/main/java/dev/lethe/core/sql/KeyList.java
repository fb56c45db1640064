package dev.lethe.core.sql;

import java.util.Collection;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.CustomCondition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A column among a page's keys. In a statement that binds its values on PostgreSQL, the keys go as
 * one array, {@code column = any(?)}: PostgreSQL parses and plans an {@code IN (?, …)} of a
 * thousand parameters in about as long as it takes to run the look-up it is part of, and the
 * statement's text, the same for any number of keys, is prepared once. Elsewhere, and in a
 * statement whose values are inlined (a page's batch), {@code IN (…)}: an inlined array made the
 * pages' batches slower.
 */
public final class KeyList {

  private KeyList() {}

  /**
   * The key types PostgreSQL is given as arrays (integers, text and UUIDs), each with its array
   * type, made once: jOOQ makes a new one each time it is asked.
   */
  private static final Map<DataType<?>, DataType<Object[]>> ARRAYS =
      Map.of(
          SQLDataType.BIGINT, array(SQLDataType.BIGINT),
          SQLDataType.VARCHAR, array(SQLDataType.VARCHAR),
          SQLDataType.UUID, array(SQLDataType.UUID));

  /** {@code column} among {@code keys}, rendered for the statement it ends up in. */
  public static Condition among(Field<Object> column, Collection<?> keys) {
    Condition in = column.in(keys);
    DataType<Object[]> array = ARRAYS.get(column.getDataType());
    if (keys.size() < 2 || array == null) {
      return in;
    }
    Object[] values = keys.toArray();
    return CustomCondition.of(
        ctx ->
            ctx.visit(
                ctx.family() == SQLDialect.POSTGRES && ctx.paramType() != ParamType.INLINED
                    ? column.eq(DSL.any(DSL.val(values, array)))
                    : in));
  }

  @SuppressWarnings("unchecked") // an array of the type's values, taken as objects like the keys
  private static DataType<Object[]> array(DataType<?> type) {
    return (DataType<Object[]>) (DataType<?>) type.getArrayDataType();
  }
}
