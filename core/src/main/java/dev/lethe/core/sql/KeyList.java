package dev.lethe.core.sql;

import java.util.Collection;
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

  /** {@code column} among {@code keys}, rendered for the statement it ends up in. */
  public static Condition among(Field<Object> column, Collection<?> keys) {
    Condition in = column.in(keys);
    if (keys.size() < 2 || !arrays(column.getDataType())) {
      return in;
    }
    Object[] values = keys.toArray();
    return CustomCondition.of(
        ctx ->
            ctx.visit(
                ctx.family() == SQLDialect.POSTGRES && ctx.paramType() != ParamType.INLINED
                    ? column.eq(DSL.any(DSL.val(values, column.getDataType().getArrayDataType())))
                    : in));
  }

  /** The key types PostgreSQL is given as arrays: integers, text and UUIDs. */
  private static boolean arrays(DataType<?> type) {
    return type.equals(SQLDataType.BIGINT)
        || type.equals(SQLDataType.VARCHAR)
        || type.equals(SQLDataType.UUID);
  }
}
