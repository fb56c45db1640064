package dev.lethe.core.datamap;

import dev.lethe.core.datamap.YamlNodes.Mapping;
import dev.lethe.core.identity.IdentityKind;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Binds one entry of {@code entities:} into an {@link Entity}. */
final class EntityBinder {

  private static final List<String> ENTITY_KEYS =
      List.of("table", "key", "tenant", "identities", "files", "personal", "parents", "retained");
  private static final List<String> IDENTITY_KEYS = List.of("kind", "normalized");
  private static final List<String> RETAINED_KEYS = List.of("basis", "for", "since", "anonymize");

  private final YamlNodes yaml;
  private final StrategyBinder strategies;
  private final RelationBinder relations;

  EntityBinder(YamlNodes yaml, StrategyBinder strategies) {
    this.yaml = yaml;
    this.strategies = strategies;
    this.relations = new RelationBinder(yaml, strategies);
  }

  Optional<Entity> bind(Node nameNode, Node body) {
    Optional<String> name = yaml.name(nameNode, "entity name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String what = "entity '" + name.get() + "'";
    Optional<Mapping> found = yaml.mapping(body, what, ENTITY_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    String table = m.get("table").flatMap(n -> yaml.name(n, "table name")).orElse(name.get());
    String key = m.get("key").flatMap(n -> yaml.name(n, "column name")).orElse("id");
    Optional<String> tenant = m.get("tenant").flatMap(n -> yaml.name(n, "column name"));
    List<IdentityColumn> identities =
        m.get("identities").map(n -> identities(n, what)).orElse(List.of());
    List<String> files =
        m.get("files").map(n -> yaml.names(n, what + ", files", "column name")).orElse(List.of());
    List<String> personal =
        m.get("personal")
            .map(n -> yaml.names(n, what + ", personal", "column name"))
            .orElse(List.of());
    Optional<Retained> retained = m.get("retained").flatMap(n -> retained(n, what));
    boolean declaresRetained = m.get("retained").isPresent();
    List<Relation> parents =
        m.get("parents")
            .map(n -> relations.bind(name.get(), n, declaresRetained))
            .orElse(List.of());
    return Optional.of(
        new Entity(
            name.get(),
            table,
            key,
            tenant,
            identities,
            parents,
            files,
            personal,
            retained,
            yaml.at(nameNode)));
  }

  private List<IdentityColumn> identities(Node node, String entityWhat) {
    List<IdentityColumn> identities = new ArrayList<>();
    Map<String, NodeTuple> entries =
        yaml.mapping(node, entityWhat + ", identities", List.of())
            .map(Mapping::entries)
            .orElse(Map.of());
    for (NodeTuple entry : entries.values()) {
      Optional<String> column = yaml.name(entry.getKeyNode(), "column name");
      String what = entityWhat + ", identity column '" + column.orElse("?") + "'";
      Node value = entry.getValueNode();
      Optional<IdentityKind> kind;
      boolean normalized = true;
      if (value instanceof MappingNode) {
        Optional<Mapping> longForm = yaml.mapping(value, what, IDENTITY_KEYS);
        kind = longForm.flatMap(l -> yaml.required(l, "kind", what)).flatMap(k -> kind(k, what));
        normalized =
            longForm
                .flatMap(l -> l.get("normalized"))
                .flatMap(n -> yaml.flag(n, what + ", normalized"))
                .orElse(true);
      } else {
        kind = kind(value, what);
      }
      if (column.isPresent() && kind.isPresent()) {
        identities.add(new IdentityColumn(column.get(), kind.get(), normalized));
      }
    }
    return identities;
  }

  private Optional<IdentityKind> kind(Node node, String what) {
    Optional<String> code = yaml.text(node, what);
    Optional<IdentityKind> kind =
        code.flatMap(IdentityKind::fromCode).filter(k -> k != IdentityKind.IDS);
    if (code.isPresent() && kind.isEmpty()) {
      String known =
          String.join(
              ", ",
              Arrays.stream(IdentityKind.values())
                  .filter(k -> k != IdentityKind.IDS)
                  .map(IdentityKind::code)
                  .toList());
      yaml.report(
          node, what + ": unknown identity kind '" + code.get() + "'; known kinds: " + known);
    }
    return kind;
  }

  private Optional<Retained> retained(Node node, String entityWhat) {
    String what = entityWhat + ", retained";
    Optional<Mapping> found = yaml.mapping(node, what, RETAINED_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    Optional<String> basis =
        yaml.required(m, "basis", what).flatMap(n -> yaml.nonBlankText(n, what + ", basis"));
    Optional<Period> keepFor =
        yaml.required(m, "for", what).flatMap(n -> yaml.duration(n, what + ", for"));
    Optional<String> since =
        yaml.required(m, "since", what).flatMap(n -> yaml.name(n, "column name"));
    Map<String, Anonymization> anonymize =
        m.get("anonymize").map(n -> strategies.columns(n, what + ", anonymize")).orElse(Map.of());
    if (basis.isEmpty() || keepFor.isEmpty() || since.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Retained(basis.get(), keepFor.get(), since.get(), anonymize));
  }
}
