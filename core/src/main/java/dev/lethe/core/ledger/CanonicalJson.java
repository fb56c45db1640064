package dev.lethe.core.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * One spelling for each JSON object, so a body's hash does not depend on how it was formatted: keys
 * sorted at every depth, no whitespace between tokens, duplicate keys and trailing text refused.
 */
final class CanonicalJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private CanonicalJson() {}

  /** The canonical text of a JSON object; the message of a refusal never repeats the body. */
  static String of(String json) {
    if (json == null) {
      throw new IllegalArgumentException("a ledger body is required");
    }
    Object value;
    try {
      value = MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a ledger body must be valid JSON without duplicate keys");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("a ledger body must be a JSON object");
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a ledger body", e);
    }
  }
}
