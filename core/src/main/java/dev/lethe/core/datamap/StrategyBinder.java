package dev.lethe.core.datamap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Binds {@code set} and {@code anonymize} blocks: column names mapped to {@code null}, {@code hash}
 * or {@code {text: "…"}}.
 */
final class StrategyBinder {

  private final YamlNodes yaml;

  StrategyBinder(YamlNodes yaml) {
    this.yaml = yaml;
  }

  /** The columns to rewrite; problems are reported and the bad entries left out. */
  Map<String, Anonymization> columns(Node node, String what) {
    Map<String, Anonymization> columns = new LinkedHashMap<>();
    yaml.mapping(node, what, List.of())
        .ifPresent(
            mapping -> {
              for (NodeTuple entry : mapping.entries().values()) {
                Optional<String> column = yaml.name(entry.getKeyNode(), "column name");
                Optional<Anonymization> strategy =
                    strategy(entry.getValueNode(), what + ", column '" + column.orElse("?") + "'");
                if (column.isPresent() && strategy.isPresent()) {
                  columns.put(column.get(), strategy.get());
                }
              }
            });
    return columns;
  }

  /** What a scope root or retention rule does to its rows: delete them, or rewrite {@code set}. */
  record RowAction(boolean anonymize, Map<String, Anonymization> set) {}

  /**
   * Reads {@code action: delete|anonymize} (delete when absent) and the {@code set} that goes with
   * anonymize; empty when the action is unknown.
   */
  Optional<RowAction> rowAction(YamlNodes.Mapping m, String what) {
    Optional<Node> actionNode = m.get("action");
    Optional<String> action =
        actionNode.isPresent()
            ? yaml.text(actionNode.get(), what + ", action")
            : Optional.of("delete");
    if (action.isEmpty()) {
      return Optional.empty();
    }
    boolean anonymize = action.get().equals("anonymize");
    if (!anonymize && !action.get().equals("delete")) {
      yaml.report(
          actionNode.get(),
          what + ": unknown action '" + action.get() + "'; expected delete or anonymize");
      return Optional.empty();
    }
    Optional<Node> set = m.get("set");
    if (anonymize && set.map(YamlNodes::isEmpty).orElse(true)) {
      yaml.report(m.node(), what + ": action anonymize needs a non-empty 'set' of columns");
    } else if (!anonymize && set.isPresent()) {
      yaml.report(set.get(), what + ": 'set' is only allowed with action anonymize");
    }
    return Optional.of(
        new RowAction(anonymize, set.map(n -> columns(n, what + ", set")).orElse(Map.of())));
  }

  private Optional<Anonymization> strategy(Node node, String what) {
    if (node instanceof MappingNode) {
      return yaml.mapping(node, what, List.of("text"))
          .flatMap(m -> yaml.required(m, "text", what))
          .flatMap(text -> yaml.text(text, what + ", text"))
          .map(Anonymization.FixedText::new);
    }
    Optional<String> text = yaml.text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return switch (text.get()) {
      case "null" -> Optional.of(new Anonymization.SetNull());
      case "hash" -> Optional.of(new Anonymization.KeyedHash());
      default -> {
        yaml.report(
            node,
            what + ": unknown strategy '" + text.get() + "'; expected null, hash or {text: \"…\"}");
        yield Optional.empty();
      }
    };
  }
}
