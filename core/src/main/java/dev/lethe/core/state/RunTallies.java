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
 * What a finished run's receipt reads from Lethe's tables, read in one statement (a union of its
 * counts, which hold its deleted files too, and its updated rows) rather than one round trip each;
 * or, for a run executed from its start in one call, what that call counted as its transactions
 * committed (the same numbers, without the read).
 *
 * @param counts rows per entity and outcome, as the batches counted them
 * @param deletedFiles files per entity confirmed deleted from the store
 * @param updated the entities and outcomes for which the run recorded updated rows
 * @param recordedKeys how many keys of updated rows the run recorded, for all of them
 */
public record RunTallies(
    Map<String, Map<Outcome, Long>> counts,
    Map<String, Long> deletedFiles,
    Map<String, Set<Outcome>> updated,
    long recordedKeys) {

  public static RunTallies read(DSLContext dsl, String runId) {
    Field<String> kind = DSL.field(DSL.name("kind"), SQLDataType.VARCHAR);
    var counts =
        dsl.select(DSL.inline("count").as(kind), COUNT_ENTITY, COUNT_OUTCOME, COUNT_ROWS.as("n"))
            .from(COUNTS)
            .where(COUNT_RUN.eq(runId));
    var updated =
        dsl.select(
                DSL.inline("updated"),
                UPD_ENTITY,
                UPD_OUTCOME,
                DSL.count().cast(SQLDataType.BIGINT))
            .from(UPDATED)
            .where(UPD_RUN.eq(runId))
            .groupBy(UPD_ENTITY, UPD_OUTCOME);
    Map<String, Map<Outcome, Long>> countsRead = new LinkedHashMap<>();
    Map<String, Long> filesRead = new LinkedHashMap<>();
    Map<String, Set<Outcome>> updatedRead = new LinkedHashMap<>();
    long recorded = 0;
    for (Record4<String, String, String, Long> r : counts.unionAll(updated)) {
      String entity = r.value2();
      if (!r.value1().equals("count")) {
        updatedRead
            .computeIfAbsent(entity, e -> EnumSet.noneOf(Outcome.class))
            .add(outcome(r.value3()));
        recorded += r.value4();
      } else if (FILES_DELETED.equals(r.value3())) {
        filesRead.put(entity, r.value4());
      } else {
        countsRead
            .computeIfAbsent(entity, e -> new EnumMap<>(Outcome.class))
            .put(outcome(r.value3()), r.value4());
      }
    }
    return new RunTallies(countsRead, filesRead, updatedRead, recorded);
  }

  /** How many files the run deleted from the store, of every entity. */
  public long deletedFileCount() {
    return deletedFiles.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Outcome outcome(String code) {
    return Outcome.valueOf(code.toUpperCase(Locale.ROOT));
  }
}
