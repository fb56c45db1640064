package dev.lethe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of one {@code ./lethe bench} invocation as JSON: the machine, then each result. */
public final class ResultsJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsJson() {}

  public static String write(Map<String, Object> machine, List<ScenarioResult> results)
      throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("machine", machine);
    document.put("results", results);
    return MAPPER.writeValueAsString(document);
  }

  public static void write(Path file, Map<String, Object> machine, List<ScenarioResult> results)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, write(machine, results) + "\n");
  }
}
