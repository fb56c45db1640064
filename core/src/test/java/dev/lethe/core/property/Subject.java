package dev.lethe.core.property;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.core.plan.ErasureRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A random erasure request against a generated platform: by one or two identities of the pool
 * (sometimes one that matches nothing), or by root ids (sometimes one that does not exist); in a
 * workspace when the tenant-bound scope is drawn.
 */
record Subject(String scope, List<Identity> identities, Optional<String> workspace) {

  private static final IdentityNormalizer NORMALIZER = new IdentityNormalizer("ID");

  static Subject draw(Platform platform, Dataset data, Random random) {
    boolean tenantBound = platform.tenantBoundScope() && random.nextBoolean();
    String scope = tenantBound ? Platform.TENANT_SCOPE : Platform.SCOPE;
    Optional<String> workspace =
        tenantBound ? Optional.of(String.valueOf(1 + random.nextInt(3))) : Optional.empty();
    List<Identity> identities = new ArrayList<>();
    int draw = random.nextInt(20);
    if (draw < 6) {
      List<Long> ids = new ArrayList<>(data.rows(platform.rootTable().name()).keySet());
      for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
        long id = random.nextInt(8) == 0 ? 99_999L : ids.get(random.nextInt(ids.size()));
        identities.add(NORMALIZER.normalize(IdentityKind.IDS, String.valueOf(id)));
      }
    } else {
      List<IdentityKind> kinds = platform.rootTable().kinds();
      for (IdentityKind kind : kinds) {
        if (identities.isEmpty() || random.nextInt(3) == 0) {
          identities.add(NORMALIZER.normalize(kind, value(kind, draw < 9, random)));
        }
      }
    }
    return new Subject(scope, identities, workspace);
  }

  private static String value(IdentityKind kind, boolean nobody, Random random) {
    int k = random.nextInt(Dataset.POOL);
    if (kind == IdentityKind.EMAIL) {
      return nobody ? "Nobody@Example.net" : Dataset.sharedEmail(k).toUpperCase();
    }
    return nobody ? "0812-9999-9999" : Dataset.sharedPhone(k);
  }

  ErasureRequest request() {
    return new ErasureRequest(scope, identities, workspace, java.util.Map.of());
  }

  boolean tenantBound() {
    return workspace.isPresent();
  }

  @Override
  public String toString() {
    return scope
        + " by "
        + identities.stream().map(i -> i.kind().code() + "=" + i.value()).toList()
        + workspace.map(w -> " in workspace " + w).orElse("");
  }
}
