package dev.lethe.core.property;

import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.property.Platform.Action;
import dev.lethe.core.property.Platform.IdentityColumn;
import dev.lethe.core.property.Platform.Reference;
import dev.lethe.core.property.Platform.Strategy;
import dev.lethe.core.property.Platform.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Draws a random platform: 3–9 tables forming a DAG of references, one of them the scope root. */
final class PlatformGenerator {

  private final Random random;

  PlatformGenerator(Random random) {
    this.random = random;
  }

  Platform generate(long seed) {
    int count = 3 + random.nextInt(7);
    int root = Math.min(random.nextInt(count), random.nextInt(count));
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tables.add(table(i, i == root));
    }
    boolean tenantBound = tables.get(root).tenant() && random.nextInt(3) == 0;
    return new Platform(seed, tables, root, tenantBound);
  }

  private Table table(int index, boolean root) {
    boolean tenant = random.nextInt(5) < 2;
    boolean retained = index > 0 && random.nextInt(5) == 0;
    List<IdentityColumn> identities = identities(root ? 1 + random.nextInt(2) : identityCount());
    List<Reference> references = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    int referenceCount = index == 0 ? 0 : random.nextInt(4);
    for (int k = 0; k < referenceCount; k++) {
      Reference reference = reference(k, random.nextInt(index), retained, identities, claimed);
      references.add(reference);
      reference.set().keySet().stream().filter(c -> c.startsWith("a_")).forEach(notes::add);
    }
    Optional<Map<String, Strategy>> retainedAnonymize = Optional.empty();
    if (retained) {
      Map<String, Strategy> anonymize = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        anonymize.put("ret_note", strategy());
      }
      for (IdentityColumn identity : identities) {
        if (random.nextBoolean() && !claimed.contains(identity.column())) {
          anonymize.put(identity.column(), strategy());
        }
      }
      notes.add("ret_note");
      retainedAnonymize = Optional.of(anonymize);
    }
    boolean shares = root || random.nextInt(3) == 0;
    return new Table(index, tenant, identities, references, notes, shares, retainedAnonymize);
  }

  private int identityCount() {
    int draw = random.nextInt(10);
    return draw < 6 ? 0 : draw < 9 ? 1 : 2;
  }

  private List<IdentityColumn> identities(int count) {
    List<IdentityColumn> columns = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      IdentityKind kind = random.nextBoolean() ? IdentityKind.EMAIL : IdentityKind.PHONE;
      columns.add(new IdentityColumn(kind.code() + "_" + k, kind));
    }
    return columns;
  }

  private Reference reference(
      int k, int parent, boolean retained, List<IdentityColumn> identities, Set<String> claimed) {
    String column = "p" + k + "_t" + parent;
    int draw = random.nextInt(10);
    Action action =
        draw < 5
            ? Action.CASCADE
            : draw < 7 ? Action.DETACH : draw < 9 || !retained ? Action.ANONYMIZE : Action.RETAIN;
    if (retained && random.nextInt(3) == 0) {
      action = Action.RETAIN;
    }
    boolean nullable = action != Action.CASCADE || random.nextBoolean();
    Map<String, Strategy> set = new LinkedHashMap<>();
    if (action == Action.ANONYMIZE) {
      set.put("a_" + column, strategy());
      for (IdentityColumn identity : identities) {
        // A column is rewritten by one relation at most, so the result does not depend on order.
        if (random.nextInt(4) == 0 && claimed.add(identity.column())) {
          set.put(identity.column(), strategy());
        }
      }
    }
    return new Reference(column, parent, nullable, random.nextBoolean(), action, set);
  }

  private Strategy strategy() {
    return Strategy.values()[random.nextInt(Strategy.values().length)];
  }
}
