package dev.lethe.core.property;

import dev.lethe.core.identity.IdentityKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated host schema: tables {@code t0…tn} whose references only point at earlier tables, and
 * the data map scope that erases a subject from one of them.
 *
 * @param root the index of the scope's root table
 * @param tenantBoundScope whether the map also has a tenant-bound scope on the root
 */
record Platform(long seed, List<Table> tables, int root, boolean tenantBoundScope) {

  static final String SCOPE = "subject";
  static final String TENANT_SCOPE = "subject_in_workspace";

  /** What a relation does to its child rows when the parent row is deleted. */
  enum Action {
    CASCADE,
    DETACH,
    ANONYMIZE,
    RETAIN
  }

  /** An anonymization strategy, as the data map writes it. */
  enum Strategy {
    NULL,
    HASH,
    TEXT;

    static final String FIXED_TEXT = "removed";

    String yaml() {
      return switch (this) {
        case NULL -> "null";
        case HASH -> "hash";
        case TEXT -> "{ text: \"" + FIXED_TEXT + "\" }";
      };
    }
  }

  /** A column holding a person's identifier. */
  record IdentityColumn(String column, IdentityKind kind) {}

  /**
   * A reference to an earlier table.
   *
   * @param set the columns an anonymizing reference rewrites (empty otherwise)
   */
  record Reference(
      String column,
      int parent,
      boolean nullable,
      boolean foreignKey,
      Action action,
      Map<String, Strategy> set) {}

  /**
   * @param sharesIdentities whether its identity values come from the subjects' pool (else from a
   *     pool of its own, so they never match a request)
   * @param retainedAnonymize present for a retained table: what a retaining reference rewrites
   */
  record Table(
      int index,
      boolean tenant,
      List<IdentityColumn> identities,
      List<Reference> references,
      List<String> notes,
      boolean sharesIdentities,
      Optional<Map<String, Strategy>> retainedAnonymize) {

    String name() {
      return "t" + index;
    }

    boolean retained() {
      return retainedAnonymize.isPresent();
    }

    List<IdentityKind> kinds() {
      return identities.stream().map(IdentityColumn::kind).distinct().toList();
    }
  }

  Table table(int index) {
    return tables.get(index);
  }

  Table table(String name) {
    return tables.get(Integer.parseInt(name.substring(1)));
  }

  Table rootTable() {
    return tables.get(root);
  }

  List<String> tableNames() {
    return tables.stream().map(Table::name).toList();
  }
}
