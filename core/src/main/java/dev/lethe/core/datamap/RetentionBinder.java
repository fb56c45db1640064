package dev.lethe.core.datamap;

import dev.lethe.core.datamap.YamlNodes.Mapping;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds the {@code retention:} list into {@link RetentionRule}s. */
final class RetentionBinder {

  private static final List<String> RULE_KEYS =
      List.of(
          "name",
          "entity",
          "column",
          "max_age",
          "action",
          "set",
          "pause_ratio",
          "batch",
          "max_rows_per_second");

  private final YamlNodes yaml;
  private final StrategyBinder strategies;
  private final EntityIndex entities;

  RetentionBinder(YamlNodes yaml, StrategyBinder strategies, EntityIndex entities) {
    this.yaml = yaml;
    this.strategies = strategies;
    this.entities = entities;
  }

  List<RetentionRule> bind(Node retentionNode) {
    List<RetentionRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node node : yaml.sequence(retentionNode, "retention").orElse(List.of())) {
      rule(node)
          .ifPresent(
              rule -> {
                if (names.add(rule.name())) {
                  rules.add(rule);
                } else {
                  yaml.report(
                      rule.location(),
                      "retention rule '" + rule.name() + "' is declared more than once");
                }
              });
    }
    return rules;
  }

  private Optional<RetentionRule> rule(Node node) {
    Optional<Mapping> found = yaml.mapping(node, "retention rule", RULE_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    Optional<String> name =
        yaml.required(m, "name", "retention rule").flatMap(n -> yaml.name(n, "rule name"));
    String what = "retention rule '" + name.orElse("?") + "'";
    Optional<String> entity =
        yaml.required(m, "entity", what)
            .flatMap(n -> yaml.name(n, "entity name"))
            .filter(e -> entities.isDeclared(e, yaml.at(m.get("entity").get()), what));
    Optional<String> column =
        yaml.required(m, "column", what).flatMap(n -> yaml.name(n, "column name"));
    Optional<Period> maxAge =
        yaml.required(m, "max_age", what).flatMap(n -> yaml.duration(n, what + ", max_age"));
    Optional<StrategyBinder.RowAction> action = strategies.rowAction(m, what);
    Optional<Double> pause =
        m.get("pause_ratio").map(n -> pauseRatio(n, what)).orElse(Optional.of(0.0));
    Optional<Integer> batch = m.get("batch").map(n -> batch(n, what)).orElse(Optional.of(0));
    Optional<Long> rate =
        m.get("max_rows_per_second").map(n -> rate(n, what)).orElse(Optional.of(0L));
    if (name.isEmpty()
        || entity.isEmpty()
        || column.isEmpty()
        || maxAge.isEmpty()
        || action.isEmpty()
        || pause.isEmpty()
        || batch.isEmpty()
        || rate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RetentionRule(
            name.get(),
            entity.get(),
            column.get(),
            maxAge.get(),
            action.get().anonymize() ? RetentionRule.Action.ANONYMIZE : RetentionRule.Action.DELETE,
            action.get().set(),
            pause.get(),
            batch.get(),
            rate.get(),
            yaml.at(node)));
  }

  /** A number from 0 to {@link RetentionRule#MOST_PAUSE}. */
  private Optional<Double> pauseRatio(Node node, String what) {
    return number(
        node,
        what + ", pause_ratio",
        Double::parseDouble,
        RetentionRule::isPauseRatio,
        "a number from 0 to " + (int) RetentionRule.MOST_PAUSE);
  }

  /** A whole number from 1 to {@link RetentionRule#MOST_BATCH}. */
  private Optional<Integer> batch(Node node, String what) {
    return wholeNumber(node, what + ", batch", RetentionRule.MOST_BATCH, "rows")
        .map(Long::intValue);
  }

  /** A whole number of rows a second from 1 to {@link RetentionRule#MOST_RATE}. */
  private Optional<Long> rate(Node node, String what) {
    return wholeNumber(
        node, what + ", max_rows_per_second", RetentionRule.MOST_RATE, "rows a second");
  }

  /** A whole number of {@code unit} from 1 to {@code most}. */
  private Optional<Long> wholeNumber(Node node, String what, long most, String unit) {
    return number(
        node,
        what,
        Long::parseLong,
        n -> n > 0 && n <= most,
        "a whole number of " + unit + " from 1 to " + most);
  }

  /** The number {@code node} holds if {@code parse} reads it and it {@code fits}; else reported. */
  private <T> Optional<T> number(
      Node node, String what, Function<String, T> parse, Predicate<T> fits, String expected) {
    Optional<String> text = yaml.text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      T value = parse.apply(text.get().strip());
      if (fits.test(value)) {
        return Optional.of(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    yaml.report(node, what + ": '" + text.get() + "' is not " + expected);
    return Optional.empty();
  }
}
