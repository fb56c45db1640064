package dev.lethe.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.state.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A planned erasure as the run that stores it: the request sealed (to resume it), its identities
 * only as keyed hashes, and its root keys as text.
 */
final class PlannedRuns {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final DataMap map;
  private final Sealer sealer;
  private final KeyedHasher hasher;

  PlannedRuns(DataMap map, Sealer sealer, KeyedHasher hasher) {
    this.map = map;
    this.sealer = sealer;
    this.hasher = hasher;
  }

  /** The run record of {@code plan} under {@code id}, planned at {@code now}. */
  RunRecord record(Plan plan, String id, Instant now) {
    checkId(id);
    ErasureRequest request = plan.request();
    return RunRecord.planned(
        id,
        "erasure",
        request.scope(),
        request.workspace(),
        map,
        Optional.of(SealedRequest.seal(sealer, request)),
        json(request.identities().stream().map(hasher::hash).toList()),
        json(request.params()),
        now);
  }

  /** Each root set's keys, as stored with the run. */
  static List<List<String>> rootKeys(Plan plan) {
    return plan.roots().stream()
        .map(root -> root.keys().stream().map(String::valueOf).toList())
        .toList();
  }

  private static void checkId(String id) {
    if (id == null || id.isBlank() || id.length() > 36) {
      throw new IllegalArgumentException("a run id is 1 to 36 characters");
    }
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
