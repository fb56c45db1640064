package dev.lethe.core.scan;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.IdentityColumn;
import dev.lethe.core.datamap.OnDelete;
import dev.lethe.core.datamap.Relation;
import dev.lethe.core.identity.IdentityKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data maps built record by record for the scan tests: the small CRM schema of {@link
 * CoverageScanContract}, whole or with pieces left out.
 */
final class CrmMap {

  private final Map<String, Entity> entities = new LinkedHashMap<>();

  static DataMap empty() {
    return new CrmMap().build();
  }

  /** Workspaces, contacts, conversations and messages, every column and relation accounted for. */
  static CrmMap complete() {
    return new CrmMap()
        .entity("workspaces", "id", List.of(), List.of(), List.of(), List.of())
        .entity(
            "contacts",
            "workspace_id",
            List.of(identity("email", IdentityKind.EMAIL), identity("phone", IdentityKind.PHONE)),
            List.of(cascade("contacts", "workspace_id", "workspaces")),
            List.of("avatar_key"),
            List.of("name"))
        .entity(
            "conversations",
            "workspace_id",
            List.of(),
            List.of(
                cascade("conversations", "workspace_id", "workspaces"),
                cascade("conversations", "contact_id", "contacts")),
            List.of(),
            List.of("last_message"))
        .entity(
            "messages",
            null,
            List.of(),
            List.of(cascade("messages", "conversation_id", "conversations")),
            List.of(),
            List.of("body"));
  }

  CrmMap entity(
      String name,
      String tenant,
      List<IdentityColumn> identities,
      List<Relation> parents,
      List<String> files,
      List<String> personal) {
    entities.put(
        name,
        new Entity(
            name,
            name,
            "id",
            Optional.ofNullable(tenant),
            identities,
            parents,
            files,
            personal,
            Optional.empty(),
            null));
    return this;
  }

  /** The same map without the relation on {@code entity.column}. */
  CrmMap withoutRelation(String entity, String column) {
    Entity old = entities.get(entity);
    List<Relation> parents = new ArrayList<>(old.parents());
    parents.removeIf(r -> r.column().equals(column));
    return entity(
        entity, old.tenant().orElse(null), old.identities(), parents, old.files(), old.personal());
  }

  /** The same map with one more identity column on {@code entity}. */
  CrmMap withIdentity(String entity, String column, IdentityKind kind) {
    Entity old = entities.get(entity);
    List<IdentityColumn> identities = new ArrayList<>(old.identities());
    identities.add(identity(column, kind));
    return entity(
        entity, old.tenant().orElse(null), identities, old.parents(), old.files(), old.personal());
  }

  DataMap build() {
    return new DataMap("test", entities, List.of(), Map.of(), "ID", "0".repeat(64));
  }

  static IdentityColumn identity(String column, IdentityKind kind) {
    return new IdentityColumn(column, kind, true);
  }

  static Relation cascade(String child, String column, String parent) {
    return new Relation(child, column, parent, OnDelete.CASCADE, Map.of(), null);
  }
}
