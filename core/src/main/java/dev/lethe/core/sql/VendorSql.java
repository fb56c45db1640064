package dev.lethe.core.sql;

import dev.lethe.core.schema.Vendor;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The SQL that differs between database products, one implementation per product. */
public sealed interface VendorSql {

  /** Hex SHA-256 of {@code salt} followed by the column's text; NULL stays NULL. */
  Field<String> saltedHash(Field<?> column, String salt);

  static VendorSql of(Vendor vendor) {
    return switch (vendor) {
      case POSTGRESQL -> new PostgreSql();
      case MARIADB, MYSQL -> new MariaDb();
      case H2 -> new H2();
    };
  }

  private static Field<String> nullSafe(Field<?> column, Field<String> hash) {
    return DSL.when(column.isNull(), DSL.inline((String) null)).otherwise(hash);
  }

  /** PostgreSQL: the built-in {@code sha256} over UTF-8 bytes. */
  final class PostgreSql implements VendorSql {
    @Override
    public Field<String> saltedHash(Field<?> column, String salt) {
      return nullSafe(
          column,
          DSL.field(
              "encode(sha256(convert_to({0} || cast({1} as text), 'UTF8')), 'hex')",
              SQLDataType.VARCHAR, DSL.val(salt), column));
    }
  }

  /** MariaDB and MySQL: {@code SHA2(…, 256)}. */
  final class MariaDb implements VendorSql {
    @Override
    public Field<String> saltedHash(Field<?> column, String salt) {
      return nullSafe(
          column,
          DSL.field("sha2(concat({0}, {1}), 256)", SQLDataType.VARCHAR, DSL.val(salt), column));
    }
  }

  /** H2: {@code HASH('SHA-256', …)} rendered as lower-case hex. */
  final class H2 implements VendorSql {
    @Override
    public Field<String> saltedHash(Field<?> column, String salt) {
      return nullSafe(
          column,
          DSL.field(
              "lower(rawtohex(hash('SHA-256', cast(concat({0}, {1}) as varchar))))",
              SQLDataType.VARCHAR, DSL.val(salt), column));
    }
  }
}
