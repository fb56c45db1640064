package dev.lethe.core.datamap;

import dev.lethe.core.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Checks a data map against the live schema. */
public final class SchemaValidator {
  private SchemaValidator() {}

  public static List<Problem> validate(DataMap map, SchemaSnapshot schema) {
    List<Problem> problems = new ArrayList<>();
    for (Entity entity : map.entities().values()) {
      if (schema.table(entity.table()).isEmpty()) {
        problems.add(
            new Problem(entity.location(), "table '" + entity.table() + "' does not exist"));
      }
    }
    return problems;
  }

  public static void check(DataMap map, SchemaSnapshot schema) {
    List<Problem> problems = validate(map, schema);
    if (!problems.isEmpty()) {
      throw new DataMapException(problems);
    }
  }
}
