package dev.lethe.core.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON text kept in list and map columns. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a request column", e);
    }
  }

  static List<String> list(String text) {
    return text == null ? List.of() : read(text, new TypeReference<List<String>>() {});
  }

  static Map<String, String> map(String text) {
    return text == null ? Map.of() : read(text, new TypeReference<Map<String, String>>() {});
  }

  private static <T> T read(String text, TypeReference<T> type) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request column is not readable", e);
    }
  }
}
