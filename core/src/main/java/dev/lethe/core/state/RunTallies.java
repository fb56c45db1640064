package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.*;

import dev.lethe.core.receipt.Outcome;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What a finished run's receipt reads from Lethe's tables, read in one statement (a union of the
 * three) rather than one round trip each.
 *
 * @param counts rows per entity and outcome, as the batches counted them
 * @param deletedFiles files per entity confirmed deleted from the store
 * @param updated the entities and outcomes for which the run recorded updated rows
 */
public record RunTallies(
    Map<String, Map<Outcome, Long>> counts,
    Map<String, Long> deletedFiles,
    Map<String, Set<Outcome>> updated) {

  public static RunTallies read(DSLContext dsl, String runId) {
    Field<String> kind = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
    var counts =
        dsl.select(DSL.inline("count").as(kind), COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS.as("n"))
            .from(COUNTS)
            .where(COUNT_RUN.eq(runId));
    var files =
        dsl.select(
                DSL.inline("files"),
                FILE_ENTITY,
                DSL.inline("deleted"),
                DSL.count().cast(SQLDataType.BIGINT))
            .from(FILES)
            .where(FILE_RUN.eq(runId))
            .and(FILE_DELETED.isNotNull())
            .groupBy(FILE_ENTITY);
    var updated =
        dsl.select(
                DSL.inline("updated"),
                UPD_ENTITY,
                UPD_OUTCOME,
                DSL.count().cast(SQLDataType.BIGINT))
            .from(UPDATED)
            .where(UPD_RUN.eq(runId))
            .groupBy(UPD_ENTITY, UPD_OUTCOME);
    RunTallies tallies =
        new RunTallies(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    for (Record4<String, String, String, Long> r : counts.unionAll(files).unionAll(updated)) {
      String entity = r.value2();
      switch (r.value1()) {
        case "count" ->
            tallies
                .counts()
                .computeIfAbsent(entity, e -> new EnumMap<>(Outcome.class))
                .put(outcome(r.value3()), r.value4());
        case "files" -> tallies.deletedFiles().put(entity, r.value4());
        default ->
            tallies
                .updated()
                .computeIfAbsent(entity, e -> EnumSet.noneOf(Outcome.class))
                .add(outcome(r.value3()));
      }
    }
    return tallies;
  }

  /** These tallies with more deleted files, each named by its entity. */
  public RunTallies plusDeletedFiles(java.util.Collection<String> entities) {
    Map<String, Long> files = new LinkedHashMap<>(deletedFiles);
    entities.forEach(entity -> files.merge(entity, 1L, Long::sum));
    return new RunTallies(counts, files, updated);
  }

  private static Outcome outcome(String code) {
    return Outcome.valueOf(code.toUpperCase(Locale.ROOT));
  }
}
