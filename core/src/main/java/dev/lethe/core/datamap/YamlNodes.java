package dev.lethe.core.datamap;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads typed values out of a composed YAML node tree. Every misfit is recorded as a problem at the
 * node's line and the read returns empty, so binding goes on and all problems are reported
 * together.
 */
final class YamlNodes {

  /** Plain SQL identifiers only: this is what keeps SQL out of names taken from the map. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final int MAX_NAME_LENGTH = 63;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  YamlNodes(String file) {
    this.file = file;
  }

  /** The entries of a mapping, keyed by their text, with their key and value nodes. */
  record Mapping(Node node, Map<String, NodeTuple> entries) {
    Optional<Node> get(String key) {
      return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }
  }

  SourceLocation at(Node node) {
    return new SourceLocation(file, node.getStartMark().map(m -> m.getLine() + 1).orElse(0));
  }

  void report(Node node, String message) {
    report(at(node), message);
  }

  void report(SourceLocation location, String message) {
    problems.add(new Problem(location, message));
  }

  List<Problem> problems() {
    return problems;
  }

  /**
   * A mapping whose keys are all among {@code allowed} (any keys when {@code allowed} is empty).
   * Unknown, duplicate and non-text keys are reported and left out.
   */
  Optional<Mapping> mapping(Node node, String what, List<String> allowed) {
    if (isNull(node)) {
      return Optional.of(new Mapping(node, Map.of()));
    }
    if (!(node instanceof MappingNode mapping)) {
      report(node, what + " must be a mapping");
      return Optional.empty();
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar)) {
        report(keyNode, what + ": keys must be plain text");
        continue;
      }
      String key = scalar.getValue();
      NodeTuple first = entries.get(key);
      if (first != null) {
        report(
            keyNode,
            what
                + ": duplicate key '"
                + key
                + "' (first at line "
                + at(first.getKeyNode()).line()
                + ")");
      } else if (!allowed.isEmpty() && !allowed.contains(key)) {
        report(
            keyNode,
            what + ": unknown key '" + key + "'; expected one of: " + String.join(", ", allowed));
      } else {
        entries.put(key, tuple);
      }
    }
    return Optional.of(new Mapping(node, entries));
  }

  /** The value of a key that must be present. */
  Optional<Node> required(Mapping mapping, String key, String what) {
    Optional<Node> value = mapping.get(key);
    if (value.isEmpty()) {
      report(mapping.node(), what + ": missing required key '" + key + "'");
    }
    return value;
  }

  Optional<List<Node>> sequence(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    report(node, what + " must be a list");
    return Optional.empty();
  }

  /** A scalar's text. */
  Optional<String> text(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue());
    }
    report(node, what + " must be a single value, not a list or mapping");
    return Optional.empty();
  }

  /** A scalar's text that must not be blank. */
  Optional<String> nonBlankText(Node node, String what) {
    Optional<String> text = text(node, what);
    if (text.isPresent() && text.get().isBlank()) {
      report(node, what + " must not be empty");
      return Optional.empty();
    }
    return text;
  }

  /** A plain SQL identifier: entity, table, column, scope, filter or rule name. */
  Optional<String> name(Node node, String what) {
    return text(node, what).filter(name -> isName(node, name, what));
  }

  static boolean isName(String text) {
    return NAME.matcher(text).matches() && text.length() <= MAX_NAME_LENGTH;
  }

  private boolean isName(Node node, String name, String what) {
    if (isName(name)) {
      return true;
    }
    report(
        node,
        "'"
            + name
            + "' is not a valid "
            + what
            + ": use letters, digits and '_', not starting with a digit, at most "
            + MAX_NAME_LENGTH
            + " characters");
    return false;
  }

  /** A list of names; a bad name is reported and left out. */
  List<String> names(Node node, String what, String itemWhat) {
    List<String> names = new ArrayList<>();
    for (Node item : sequence(node, what).orElse(List.of())) {
      name(item, itemWhat).ifPresent(names::add);
    }
    return names;
  }

  /** A positive duration, see {@link DurationParser}. */
  Optional<Period> duration(Node node, String what) {
    Optional<String> text = text(node, what);
    Optional<Period> period = text.flatMap(DurationParser::parse);
    if (text.isPresent() && period.isEmpty()) {
      report(
          node,
          what + ": '" + text.get() + "' is not a duration; write " + DurationParser.EXPECTED);
    }
    return period;
  }

  /** True for a key given without a value, or an empty mapping or list. */
  static boolean isEmpty(Node node) {
    return isNull(node)
        || node instanceof MappingNode mapping && mapping.getValue().isEmpty()
        || node instanceof SequenceNode sequence && sequence.getValue().isEmpty();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  Optional<Boolean> flag(Node node, String what) {
    Optional<String> text = text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return switch (text.get()) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> {
        report(node, what + " must be true or false, not '" + text.get() + "'");
        yield Optional.empty();
      }
    };
  }
}
