package dev.lethe.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lethe.core.plan.EntityCount;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.plan.Preview;
import dev.lethe.core.receipt.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plan as JSON for scripts: scope, workspace, totals and per-entity counts; no identities. */
final class PreviewJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PreviewJson() {}

  static String write(Plan plan) {
    Preview preview = plan.preview();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scope", plan.request().scope());
    json.put("workspace", plan.request().workspace().orElse(null));
    json.put("plannedAt", plan.plannedAt().toString());
    json.put("nothingFound", preview.nothingFound());
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      totals.put(outcome.code(), preview.total(outcome));
    }
    json.put("totals", totals);
    List<Map<String, Object>> entities = new ArrayList<>();
    for (EntityCount count : preview.entities()) {
      if (count.total() == 0) {
        continue;
      }
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("entity", count.entity());
      for (Outcome outcome : Outcome.values()) {
        entity.put(outcome.code(), count.get(outcome));
      }
      entities.add(entity);
    }
    json.put("entities", entities);
    try {
      return MAPPER.writeValueAsString(json) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the preview as JSON", e);
    }
  }
}
