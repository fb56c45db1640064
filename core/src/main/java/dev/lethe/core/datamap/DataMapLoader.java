package dev.lethe.core.datamap;

import dev.lethe.core.datamap.YamlNodes.Mapping;
import dev.lethe.core.identity.ThreadCrypto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a data map from YAML (the format is described in {@code docs/datamap.md}). Loading is
 * strict: unknown keys, missing keys, names that are not plain SQL identifiers and references to
 * undeclared things are all errors. Every problem found is reported at once, in a {@link
 * DataMapException}, each with its file and line.
 */
public final class DataMapLoader {

  private static final List<String> TOP_KEYS =
      List.of("version", "name", "phone_region", "entities", "retention", "scopes");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private DataMapLoader() {}

  public static DataMap load(Path file) {
    try {
      return load(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data map " + file, e);
    }
  }

  public static DataMap load(String sourceName, InputStream in) {
    try {
      return load(sourceName, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data map " + sourceName, e);
    }
  }

  public static DataMap load(String sourceName, String yamlText) {
    Node root =
        compose(sourceName, yamlText)
            .orElseThrow(
                () ->
                    new DataMapException(
                        List.of(
                            new Problem(
                                new SourceLocation(sourceName, 1), "the data map is empty"))));
    YamlNodes yaml = new YamlNodes(sourceName);
    DataMap map = bind(yaml, root, fingerprint(yamlText));
    if (!yaml.problems().isEmpty()) {
      throw new DataMapException(
          yaml.problems().stream().sorted(Comparator.comparing(p -> p.location().line())).toList());
    }
    return map;
  }

  private static DataMap load(String sourceName, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return load(sourceName, text);
    } catch (CharacterCodingException e) {
      throw new DataMapException(
          List.of(new Problem(new SourceLocation(sourceName, 0), "the file is not UTF-8 text")));
    }
  }

  private static Optional<Node> compose(String sourceName, String yamlText) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(sourceName).build();
      return new Compose(settings).composeString(yamlText);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      int line = mark.map(m -> m.getLine() + 1).orElse(0);
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      throw syntaxError(sourceName, line, e.getProblem() + context);
    } catch (YamlEngineException e) {
      throw syntaxError(sourceName, 0, e.getMessage());
    }
  }

  private static DataMapException syntaxError(String sourceName, int line, String detail) {
    return new DataMapException(
        List.of(new Problem(new SourceLocation(sourceName, line), "not valid YAML: " + detail)));
  }

  private static DataMap bind(YamlNodes yaml, Node root, String fingerprint) {
    Optional<Mapping> found = yaml.mapping(root, "the data map", TOP_KEYS);
    if (found.isEmpty()) {
      return null;
    }
    Mapping top = found.get();
    yaml.required(top, "version", "the data map")
        .flatMap(n -> yaml.text(n, "version"))
        .filter(v -> !v.equals("1"))
        .ifPresent(
            v -> yaml.report(top.get("version").get(), "version must be 1, not '" + v + "'"));
    String name =
        yaml.required(top, "name", "the data map")
            .flatMap(n -> yaml.nonBlankText(n, "name"))
            .orElse("");
    Optional<Node> regionNode = top.get("phone_region");
    String region = regionNode.flatMap(n -> yaml.text(n, "phone_region")).orElse(null);
    if (region != null && !REGION.matcher(region).matches()) {
      yaml.report(
          regionNode.get(),
          "phone_region must be a two-letter ISO 3166 region in capitals, such as ID or US, not '"
              + region
              + "'");
    }
    StrategyBinder strategies = new StrategyBinder(yaml);
    EntityIndex entities =
        entities(yaml, strategies, yaml.required(top, "entities", "the data map"));
    checkRelationTargets(entities);
    Map<String, Scope> scopes =
        top.get("scopes")
            .map(n -> new ScopeBinder(yaml, strategies, entities).bind(n))
            .orElse(Map.of());
    List<RetentionRule> retention =
        top.get("retention")
            .map(n -> new RetentionBinder(yaml, strategies, entities).bind(n))
            .orElse(List.of());
    return new DataMap(name, entities.all(), retention, scopes, region, fingerprint);
  }

  private static EntityIndex entities(
      YamlNodes yaml, StrategyBinder strategies, Optional<Node> entitiesNode) {
    EntityBinder binder = new EntityBinder(yaml, strategies);
    Set<String> declared = new LinkedHashSet<>();
    Map<String, Entity> bound = new LinkedHashMap<>();
    Map<String, NodeTuple> entries =
        entitiesNode
            .flatMap(n -> yaml.mapping(n, "entities", List.of()))
            .map(Mapping::entries)
            .orElse(Map.of());
    for (NodeTuple entry : entries.values()) {
      Optional<Entity> entity = binder.bind(entry.getKeyNode(), entry.getValueNode());
      entity.ifPresent(e -> bound.put(e.name(), e));
      if (entry.getKeyNode() instanceof ScalarNode key && YamlNodes.isName(key.getValue())) {
        declared.add(key.getValue());
      }
    }
    if (entitiesNode.isPresent() && entries.isEmpty()) {
      yaml.report(entitiesNode.get(), "the data map declares no entities");
    }
    return new EntityIndex(yaml, declared, bound);
  }

  private static void checkRelationTargets(EntityIndex entities) {
    for (Entity entity : entities.all().values()) {
      for (Relation relation : entity.parents()) {
        entities.isDeclared(
            relation.parent(),
            relation.location(),
            "relation " + relation.child() + "." + relation.column());
      }
    }
  }

  private static String fingerprint(String text) {
    return ThreadCrypto.sha256Hex(text);
  }
}
