package dev.lethe.core.datamap;

import dev.lethe.core.datamap.YamlNodes.Mapping;
import dev.lethe.core.identity.IdentityKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Binds {@code scopes:} and checks each root against the entities: the entity is declared, has a
 * column for every identity kind it is identified by, and a tenant column when the scope is tenant
 * bound.
 */
final class ScopeBinder {

  private static final List<String> SCOPE_KEYS = List.of("description", "tenant_bound", "roots");
  private static final List<String> ROOT_KEYS =
      List.of("entity", "identified_by", "filters", "action", "set");
  private static final List<String> FILTER_KEYS = List.of("column", "range");

  private final YamlNodes yaml;
  private final StrategyBinder strategies;
  private final EntityIndex entities;

  ScopeBinder(YamlNodes yaml, StrategyBinder strategies, EntityIndex entities) {
    this.yaml = yaml;
    this.strategies = strategies;
    this.entities = entities;
  }

  Map<String, Scope> bind(Node scopesNode) {
    Map<String, Scope> scopes = new LinkedHashMap<>();
    Map<String, NodeTuple> entries =
        yaml.mapping(scopesNode, "scopes", List.of()).map(Mapping::entries).orElse(Map.of());
    for (NodeTuple entry : entries.values()) {
      yaml.name(entry.getKeyNode(), "scope name")
          .flatMap(name -> scope(name, entry))
          .ifPresent(scope -> scopes.put(scope.name(), scope));
    }
    return scopes;
  }

  private Optional<Scope> scope(String name, NodeTuple entry) {
    String what = "scope '" + name + "'";
    Optional<Mapping> found = yaml.mapping(entry.getValueNode(), what, SCOPE_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    String description =
        m.get("description").flatMap(n -> yaml.text(n, what + ", description")).orElse("");
    boolean tenantBound =
        m.get("tenant_bound").flatMap(n -> yaml.flag(n, what + ", tenant_bound")).orElse(false);
    Optional<Node> rootsNode = yaml.required(m, "roots", what);
    List<Node> rootNodes =
        rootsNode.flatMap(n -> yaml.sequence(n, what + ", roots")).orElse(List.of());
    List<ScopeRoot> roots = new ArrayList<>();
    for (Node rootNode : rootNodes) {
      root(rootNode, what, tenantBound).ifPresent(roots::add);
    }
    if (rootsNode.isPresent() && rootNodes.isEmpty()) {
      yaml.report(rootsNode.get(), what + ": needs at least one root");
    }
    if (roots.isEmpty() || roots.size() != rootNodes.size()) {
      return Optional.empty();
    }
    return Optional.of(
        new Scope(name, description, tenantBound, roots, yaml.at(entry.getKeyNode())));
  }

  private Optional<ScopeRoot> root(Node node, String scopeWhat, boolean tenantBound) {
    Optional<Mapping> found = yaml.mapping(node, scopeWhat + ", root", ROOT_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Mapping m = found.get();
    Optional<String> entityName =
        yaml.required(m, "entity", scopeWhat + ", root")
            .flatMap(n -> yaml.name(n, "entity name"))
            .filter(name -> entities.isDeclared(name, yaml.at(m.get("entity").get()), scopeWhat));
    String what = scopeWhat + ", root '" + entityName.orElse("?") + "'";
    Set<IdentityKind> kinds =
        m.get("identified_by").map(n -> identifiedBy(n, what)).orElse(Set.of());
    Map<String, ScopeRoot.Filter> filters =
        m.get("filters").map(n -> filters(n, what)).orElse(Map.of());
    Optional<StrategyBinder.RowAction> action = strategies.rowAction(m, what);
    boolean selectsRows =
        Stream.of("identified_by", "filters")
            .anyMatch(key -> m.get(key).filter(n -> !YamlNodes.isEmpty(n)).isPresent());
    if (!selectsRows) {
      yaml.report(node, what + ": needs 'identified_by' or 'filters' to select its rows");
    }
    Optional<Entity> entity = entityName.flatMap(entities::bound);
    entity.ifPresent(e -> checkAgainstEntity(e, kinds, tenantBound, node, what));
    if (entityName.isEmpty() || action.isEmpty()) {
      return Optional.empty();
    }
    OnDelete rootAction = action.get().anonymize() ? OnDelete.ANONYMIZE : OnDelete.CASCADE;
    return Optional.of(
        new ScopeRoot(entityName.get(), kinds, filters, rootAction, action.get().set()));
  }

  private void checkAgainstEntity(
      Entity entity, Set<IdentityKind> kinds, boolean tenantBound, Node node, String what) {
    for (IdentityKind kind : kinds) {
      if (kind != IdentityKind.IDS && !hasColumnFor(entity, kind)) {
        yaml.report(
            node,
            what
                + ": identified by "
                + kind.code()
                + ", but entity '"
                + entity.name()
                + "' has no identity column of kind "
                + kind.code());
      }
    }
    if (tenantBound && entity.tenant().isEmpty()) {
      yaml.report(
          node,
          what + ": the scope is tenant_bound, but entity '" + entity.name() + "' has no tenant");
    }
  }

  /** A phone number also finds WhatsApp ids, which are phone numbers without the '+'. */
  private static boolean hasColumnFor(Entity entity, IdentityKind kind) {
    return entity.identities().stream()
        .anyMatch(
            c ->
                c.kind() == kind || (kind == IdentityKind.PHONE && c.kind() == IdentityKind.WA_ID));
  }

  private Set<IdentityKind> identifiedBy(Node node, String what) {
    Set<IdentityKind> kinds = new LinkedHashSet<>();
    for (Node item : yaml.sequence(node, what + ", identified_by").orElse(List.of())) {
      yaml.text(item, what + ", identified_by")
          .ifPresent(
              code -> {
                Optional<IdentityKind> kind = IdentityKind.fromCode(code);
                kind.ifPresent(kinds::add);
                if (kind.isEmpty()) {
                  yaml.report(
                      item,
                      what
                          + ": unknown identity kind '"
                          + code
                          + "'; known kinds: "
                          + IdentityKind.knownCodes());
                }
              });
    }
    return kinds;
  }

  private Map<String, ScopeRoot.Filter> filters(Node node, String what) {
    Map<String, ScopeRoot.Filter> filters = new LinkedHashMap<>();
    Map<String, NodeTuple> entries =
        yaml.mapping(node, what + ", filters", List.of()).map(Mapping::entries).orElse(Map.of());
    for (NodeTuple entry : entries.values()) {
      Optional<String> name = yaml.name(entry.getKeyNode(), "filter name");
      String filterWhat = what + ", filter '" + name.orElse("?") + "'";
      Optional<Mapping> m = yaml.mapping(entry.getValueNode(), filterWhat, FILTER_KEYS);
      Optional<String> column =
          m.flatMap(f -> yaml.required(f, "column", filterWhat))
              .flatMap(n -> yaml.name(n, "column name"));
      boolean range =
          m.flatMap(f -> f.get("range"))
              .flatMap(n -> yaml.flag(n, filterWhat + ", range"))
              .orElse(false);
      if (name.isPresent() && column.isPresent()) {
        filters.put(name.get(), new ScopeRoot.Filter(column.get(), range));
      }
    }
    return filters;
  }
}
