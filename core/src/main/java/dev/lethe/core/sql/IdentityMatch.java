package dev.lethe.core.sql;

import dev.lethe.core.datamap.IdentityColumn;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.IdentityNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Conditions that find an identity in an entity's identity columns. */
public final class IdentityMatch {

  private IdentityMatch() {}

  /**
   * Rows of {@code entity} whose identity columns hold {@code identity}: never NULL, so it can be
   * negated safely. A phone number also matches WhatsApp id columns.
   */
  public static Condition in(BoundEntity entity, Identity identity) {
    return in(entity, identity, UnaryOperator.identity());
  }

  /**
   * {@link #in(BoundEntity, Identity)}, each value it binds passed through {@code values} in order
   * (which may record it, or put another in its place).
   */
  public static Condition in(BoundEntity entity, Identity identity, UnaryOperator<Object> values) {
    List<Condition> matches = new ArrayList<>();
    for (IdentityColumn column : entity.entity().identities()) {
      String value = valueFor(column.kind(), identity);
      if (value == null) {
        continue;
      }
      Field<String> field = entity.text(column.column());
      boolean caseFolded =
          !column.normalized()
              && (column.kind() == IdentityKind.EMAIL || column.kind() == IdentityKind.TELEGRAM);
      Field<String> compared = caseFolded ? DSL.lower(field) : field;
      matches.add(field.isNotNull().and(compared.eq((String) values.apply(value))));
    }
    if (identity.kind() == IdentityKind.IDS) {
      matches.add(entity.key().eq(values.apply(entity.keyFromText(identity.value()))));
    }
    return matches.isEmpty() ? DSL.falseCondition() : DSL.or(matches);
  }

  /** True when {@code entity} has a column {@code identity} can be looked up in. */
  public static boolean searchable(BoundEntity entity, Identity identity) {
    return entity.entity().identities().stream()
        .anyMatch(c -> valueFor(c.kind(), identity) != null);
  }

  private static String valueFor(IdentityKind columnKind, Identity identity) {
    if (columnKind == identity.kind()) {
      return identity.value();
    }
    if (columnKind == IdentityKind.WA_ID && identity.kind() == IdentityKind.PHONE) {
      return IdentityNormalizer.waIdOfPhone(identity.value());
    }
    return null;
  }
}
