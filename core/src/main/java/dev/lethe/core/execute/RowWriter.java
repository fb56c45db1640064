package dev.lethe.core.execute;

import dev.lethe.core.datamap.Anonymization;
import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.sql.BoundEntity;
import dev.lethe.core.sql.VendorSql;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** The set-based UPDATE statements that detach and anonymize rows. */
final class RowWriter {

  private final VendorSql vendor;
  private final String salt;

  RowWriter(VendorSql vendor, String salt) {
    this.vendor = vendor;
    this.salt = salt;
  }

  /** Applies a non-cascading relation to the child rows matching {@code where}. */
  int apply(DSLContext tx, BoundEntity child, Relation relation, Condition where) {
    return applyQuery(tx, child, relation, where).execute();
  }

  /** The statement of {@link #apply}, to run in a batch with others. */
  Query applyQuery(DSLContext tx, BoundEntity child, Relation relation, Condition where) {
    Map<Field<Object>, Field<?>> set = new LinkedHashMap<>();
    if (relation.onDelete() == OnDelete.ANONYMIZE) {
      relation
          .set()
          .forEach((column, how) -> set.put(child.field(column), value(child, column, how)));
    } else if (relation.onDelete() == OnDelete.RETAIN) {
      child
          .entity()
          .retained()
          .orElseThrow()
          .anonymize()
          .forEach((column, how) -> set.put(child.field(column), value(child, column, how)));
      // A retained row loses every link that a retention relation gives it, not only this one.
      child.entity().parents().stream()
          .filter(r -> r.onDelete() == OnDelete.RETAIN)
          .forEach(r -> set.put(child.field(r.column()), DSL.inline((Object) null)));
    }
    set.put(child.field(relation.column()), DSL.inline((Object) null));
    return tx.update(child.table()).set(set).where(where);
  }

  /** Rewrites {@code columns} of the rows matching {@code where}. */
  int anonymize(
      DSLContext tx, BoundEntity entity, Map<String, Anonymization> columns, Condition where) {
    Map<Field<Object>, Field<?>> set = new LinkedHashMap<>();
    columns.forEach((column, how) -> set.put(entity.field(column), value(entity, column, how)));
    return update(tx, entity, set, where);
  }

  private static int update(
      DSLContext tx, BoundEntity entity, Map<Field<Object>, Field<?>> set, Condition where) {
    return tx.update(entity.table()).set(set).where(where).execute();
  }

  private Field<?> value(BoundEntity entity, String column, Anonymization how) {
    return switch (how) {
      case Anonymization.SetNull ignored -> DSL.inline((Object) null);
      case Anonymization.FixedText text -> DSL.val(text.text());
      case Anonymization.KeyedHash ignored -> vendor.saltedHash(entity.field(column), salt);
    };
  }
}
