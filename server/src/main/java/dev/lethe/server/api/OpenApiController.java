package dev.lethe.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/openapi.yaml}: the API's OpenAPI document as written, and {@code
 * /v1/openapi.json}, the same converted once at startup. Served without an API key ({@link
 * ApiWebConfiguration} leaves these paths out).
 */
@RestController
class OpenApiController {

  /** On the class path, in the server's jar. */
  static final String DOCUMENT = "openapi/lethe-api.yaml";

  static final String YAML_PATH = "/v1/openapi.yaml";
  static final String JSON_PATH = "/v1/openapi.json";

  private static final MediaType YAML =
      new MediaType("application", "yaml", StandardCharsets.UTF_8);

  private final String yaml;
  private final String json;

  OpenApiController() {
    this.yaml = read(DOCUMENT);
    Object document =
        new Load(LoadSettings.builder().setLabel(DOCUMENT).build()).loadFromString(yaml);
    this.json = JsonMapper.builder().build().writeValueAsString(document);
  }

  @GetMapping(YAML_PATH)
  ResponseEntity<String> yaml() {
    return ResponseEntity.ok().contentType(YAML).body(yaml);
  }

  @GetMapping(JSON_PATH)
  ResponseEntity<String> json() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  private static String read(String resource) {
    try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
