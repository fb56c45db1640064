package dev.lethe.core.datamap;

import dev.lethe.core.datamap.YamlNodes.Mapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Binds an entity's {@code parents:} block into {@link Relation}s. */
final class RelationBinder {

  private static final List<String> RELATION_KEYS = List.of("entity", "on_delete", "set");

  private final YamlNodes yaml;
  private final StrategyBinder strategies;

  RelationBinder(YamlNodes yaml, StrategyBinder strategies) {
    this.yaml = yaml;
    this.strategies = strategies;
  }

  /**
   * @param childRetained whether the child entity declares a {@code retained} block, which a {@code
   *     retain} relation needs
   */
  List<Relation> bind(String child, Node parents, boolean childRetained) {
    List<Relation> relations = new ArrayList<>();
    Map<String, NodeTuple> entries =
        yaml.mapping(parents, "entity '" + child + "', parents", List.of())
            .map(Mapping::entries)
            .orElse(Map.of());
    for (NodeTuple entry : entries.values()) {
      yaml.name(entry.getKeyNode(), "column name")
          .flatMap(column -> relation(child, column, entry, childRetained))
          .ifPresent(relations::add);
    }
    return relations;
  }

  private Optional<Relation> relation(
      String child, String column, NodeTuple entry, boolean childRetained) {
    String what = "relation " + child + "." + column;
    Optional<Mapping> found = yaml.mapping(entry.getValueNode(), what, RELATION_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    Optional<String> parent =
        yaml.required(m, "entity", what).flatMap(n -> yaml.name(n, "entity name"));
    Optional<OnDelete> onDelete =
        yaml.required(m, "on_delete", what).flatMap(n -> onDelete(n, what));
    Map<String, Anonymization> set =
        m.get("set").map(n -> strategies.columns(n, what + ", set")).orElse(Map.of());
    SourceLocation location = yaml.at(entry.getKeyNode());
    onDelete.ifPresent(action -> checkSet(action, m, what));
    if (onDelete.orElse(null) == OnDelete.RETAIN && !childRetained) {
      yaml.report(
          location,
          what
              + ": on_delete is retain, but entity '"
              + child
              + "' has no 'retained' block saying why and for how long it is kept");
    }
    if (parent.isEmpty() || onDelete.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Relation(child, column, parent.get(), onDelete.get(), set, location));
  }

  private void checkSet(OnDelete onDelete, Mapping m, String what) {
    Optional<Node> set = m.get("set");
    if (onDelete == OnDelete.ANONYMIZE && set.map(YamlNodes::isEmpty).orElse(true)) {
      yaml.report(m.node(), what + ": on_delete anonymize needs a non-empty 'set' of columns");
    } else if (onDelete != OnDelete.ANONYMIZE && set.isPresent()) {
      yaml.report(
          set.get(),
          what + ": 'set' is only allowed with on_delete anonymize, not " + onDelete.code());
    }
  }

  private Optional<OnDelete> onDelete(Node node, String what) {
    Optional<String> code = yaml.text(node, what + ", on_delete");
    Optional<OnDelete> found =
        code.flatMap(
            c -> Arrays.stream(OnDelete.values()).filter(o -> o.code().equals(c)).findFirst());
    if (code.isPresent() && found.isEmpty()) {
      yaml.report(
          node,
          what
              + ": unknown on_delete '"
              + code.get()
              + "'; expected cascade, detach, anonymize or retain");
    }
    return found;
  }
}
