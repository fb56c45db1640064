package dev.lethe.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.apikey.Permission;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document checked in at {@code server/src/main/resources/openapi/lethe-api.yaml}:
 * valid OpenAPI 3.1, every operation with its permissions and its failures, every example true to
 * its schema. That it matches the running server is {@link OpenApiH2Test}'s part.
 */
class OpenApiDocumentTest {

  static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

  @Test
  void the_document_is_valid_openapi_3_1() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);

    SwaggerParseResult result = new OpenAPIV3Parser().readContents(DOCUMENT.yaml(), null, options);

    assertThat(result.getMessages()).as("what the parser reports").isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getComponents().getSecuritySchemes()).containsKey("apiKey");
    assertThat(api.getPaths())
        .isNotEmpty()
        .allSatisfy((path, item) -> assertThat(path).startsWith("/v1/"));
  }

  @Test
  void every_operation_says_what_it_needs_and_how_it_fails() {
    Set<String> permissions = new HashSet<>();
    Arrays.stream(Permission.values()).forEach(p -> permissions.add(p.code()));
    Set<String> ids = new HashSet<>();

    for (String operation : DOCUMENT.operations()) {
      JsonNode op = DOCUMENT.operation(operation);
      assertThat(ids.add(op.path("operationId").asString()))
          .as("%s has an operationId of its own", operation)
          .isTrue();
      assertThat(op.path("summary").asString()).as("%s has a summary", operation).isNotBlank();
      assertThat(op.path("tags").isEmpty()).as("%s has a tag", operation).isFalse();
      JsonNode needs = op.path("x-permissions");
      assertThat(needs.isArray()).as("%s lists x-permissions", operation).isTrue();
      needs.forEach(p -> assertThat(permissions).as(operation).contains(p.asString()));
      JsonNode responses = op.path("responses");
      boolean open = op.has("security") && op.get("security").isEmpty();
      if (open) {
        assertThat(needs.isEmpty()).as("%s needs no key and no permission", operation).isTrue();
        continue;
      }
      assertThat(needs.isEmpty()).as("%s names the permission it needs", operation).isFalse();
      needs.forEach(
          p ->
              assertThat(op.path("description").asString())
                  .as("%s describes its permission", operation)
                  .contains("`" + p.asString() + "`"));
      if (op.path("x-requires-unrestricted-key").asBoolean(false)) {
        assertThat(op.path("description").asString())
            .as("%s says a workspace key is refused", operation)
            .contains("reaches every workspace");
      }
      assertThat(fieldNames(responses))
          .as("%s answers", operation)
          .contains("401", "403", "500")
          .anyMatch(status -> status.startsWith("2"));
      if (operation.contains("{")) {
        assertThat(fieldNames(responses)).as("%s can be not found", operation).contains("404");
      }
      if (op.has("requestBody")) {
        assertThat(fieldNames(responses))
            .as("%s refuses bodies it cannot read", operation)
            .contains("400", "415");
      }
    }
  }

  @Test
  void every_example_is_true_to_its_schema() {
    List<String> checked = new ArrayList<>();
    List<String> broken = new ArrayList<>();
    JsonNode paths = DOCUMENT.json().path("paths");
    for (String operation : DOCUMENT.operations()) {
      JsonNode op = DOCUMENT.operation(operation);
      for (JsonNode parameter : op.path("parameters")) {
        JsonNode p = DOCUMENT.resolve(parameter);
        examples(operation + " " + p.path("name").asString(), p.path("schema"), p, checked, broken);
      }
      media(operation + " body", DOCUMENT.resolve(op.path("requestBody")), checked, broken);
      for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
        media(
            operation + " " + response.getKey(),
            DOCUMENT.resolve(response.getValue()),
            checked,
            broken);
      }
    }
    assertThat(paths.isEmpty()).isFalse();

    assertThat(broken).isEmpty();
    assertThat(checked).hasSizeGreaterThan(20);
  }

  private static void media(
      String where, JsonNode holder, List<String> checked, List<String> broken) {
    for (Map.Entry<String, JsonNode> media : holder.path("content").properties()) {
      JsonNode schema = media.getValue().path("schema");
      assertThat(schema.isObject()).as("%s %s has a schema", where, media.getKey()).isTrue();
      examples(where + " " + media.getKey(), schema, media.getValue(), checked, broken);
    }
  }

  private static void examples(
      String where, JsonNode schema, JsonNode holder, List<String> checked, List<String> broken) {
    List<JsonNode> values = new ArrayList<>();
    if (holder.has("example")) {
      values.add(holder.get("example"));
    }
    for (JsonNode example : holder.path("examples")) {
      JsonNode resolved = DOCUMENT.resolve(example);
      assertThat(resolved.has("value")).as("%s: an example has a value", where).isTrue();
      values.add(resolved.get("value"));
    }
    for (JsonNode value : values) {
      List<com.networknt.schema.Error> errors = DOCUMENT.validate(schema, value);
      checked.add(where);
      if (!errors.isEmpty()) {
        broken.add(where + ": " + errors);
      }
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }
}
