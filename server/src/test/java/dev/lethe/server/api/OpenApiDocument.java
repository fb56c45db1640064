package dev.lethe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's OpenAPI document as the tests read it: its operations, its responses, and its schemas
 * as JSON Schema 2020-12 (the OpenAPI 3.1 dialect, formats asserted) to check answers and examples
 * against.
 *
 * <p>For the checks, every object schema of {@code components/schemas} that names its properties is
 * closed ({@code unevaluatedProperties: false}) unless it says otherwise: a field the server sends
 * that the document does not describe fails, though the document itself leaves clients free to
 * ignore new fields.
 */
final class OpenApiDocument {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the schema registry finds the document; never fetched. */
  private static final String IRI = "https://lethe.invalid/openapi.json";

  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private final String yaml;
  private final JsonNode document;
  private final SchemaRegistry registry;

  private OpenApiDocument(String yaml) {
    this.yaml = yaml;
    this.document = JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(yaml));
    JsonNode closed = document.deepCopy();
    close(closed.path("components").path("schemas"));
    String text = JSON.writeValueAsString(closed);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(IRI, text))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The document as it is on the class path, where the server serves it from. */
  static OpenApiDocument load() {
    try (InputStream in =
        OpenApiDocument.class.getClassLoader().getResourceAsStream(OpenApiController.DOCUMENT)) {
      assertThat(in).as(OpenApiController.DOCUMENT).isNotNull();
      return new OpenApiDocument(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String yaml() {
    return yaml;
  }

  JsonNode json() {
    return document;
  }

  /** Every operation as {@code METHOD /path}, such as {@code GET /v1/requests/{id}}. */
  Set<String> operations() {
    Set<String> out = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (String method : METHODS) {
        if (path.getValue().has(method)) {
          out.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return out;
  }

  /** The operation object of {@code METHOD /path}. */
  JsonNode operation(String operation) {
    String[] parts = operation.split(" ", 2);
    JsonNode found = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    assertThat(found.isObject()).as("%s is in the document", operation).isTrue();
    return found;
  }

  /** The object itself, or what its {@code $ref} names within the document. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asString();
      assertThat(ref).as("a reference within the document").startsWith("#/");
      current = document.at(ref.substring(1));
      assertThat(current.isMissingNode()).as("%s exists", ref).isFalse();
    }
    return current;
  }

  /** What {@code instance} breaks of {@code schema}, a schema object of the document. */
  List<com.networknt.schema.Error> validate(JsonNode schema, JsonNode instance) {
    return schemaOf(schema).validate(instance);
  }

  private Schema schemaOf(JsonNode schema) {
    if (schema.size() == 1 && schema.has("$ref")) {
      return registry.getSchema(SchemaLocation.of(IRI + schema.get("$ref").asString()));
    }
    JsonNode absolute = schema.deepCopy();
    absolutize(absolute);
    return registry.getSchema(absolute);
  }

  /** References within the document, made to point at it from a schema standing alone. */
  private static void absolutize(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith("#")) {
        object.put("$ref", IRI + ref.asString());
      }
      object.properties().forEach(e -> absolutize(e.getValue()));
    } else if (node instanceof ArrayNode array) {
      array.forEach(OpenApiDocument::absolutize);
    }
  }

  private static final Set<String> VALUES =
      Set.of("example", "examples", "default", "const", "enum");

  private static void close(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.path("properties").isObject()
          && !object.has("additionalProperties")
          && !object.has("unevaluatedProperties")) {
        object.put("unevaluatedProperties", false);
      }
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (e.getKey().equals("properties")) {
          e.getValue().forEach(OpenApiDocument::close);
        } else if (!VALUES.contains(e.getKey())) {
          close(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(OpenApiDocument::close);
    }
  }
}
