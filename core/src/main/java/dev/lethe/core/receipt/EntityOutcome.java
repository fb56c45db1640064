package dev.lethe.core.receipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What a run did to one entity.
 *
 * @param retentionBasis why retained rows are kept (null when none are)
 * @param retainedUntil the last date a retained row may be kept (null when none are)
 * @param holds ids of the holds that kept rows of this entity
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityOutcome(
    String entity,
    long deleted,
    long detached,
    long anonymized,
    long retained,
    long held,
    String retentionBasis,
    LocalDate retainedUntil,
    List<String> holds) {
  public EntityOutcome {
    holds = List.copyOf(holds == null ? List.of() : holds);
  }

  public long total() {
    return deleted + detached + anonymized + retained + held;
  }
}
