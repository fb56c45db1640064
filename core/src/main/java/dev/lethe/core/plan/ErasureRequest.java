package dev.lethe.core.plan;

import dev.lethe.core.identity.Identity;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to erase: a scope of the data map, the subject's identities, the workspace for tenant-bound
 * scopes, and values for the scope's filters ({@code from..to} for ranges).
 */
public record ErasureRequest(
    String scope,
    List<Identity> identities,
    Optional<String> workspace,
    Map<String, String> params) {

  public ErasureRequest {
    Objects.requireNonNull(scope, "scope");
    identities = List.copyOf(identities == null ? List.of() : identities);
    workspace = workspace == null ? Optional.empty() : workspace.filter(w -> !w.isBlank());
    params = Map.copyOf(params == null ? Map.of() : params);
  }

  public static ErasureRequest of(String scope, List<Identity> identities) {
    return new ErasureRequest(scope, identities, Optional.empty(), Map.of());
  }

  public ErasureRequest inWorkspace(String workspace) {
    return new ErasureRequest(scope, identities, Optional.of(workspace), params);
  }

  public ErasureRequest withParam(String name, String value) {
    var copy = new java.util.HashMap<>(params);
    copy.put(name, value);
    return new ErasureRequest(scope, identities, workspace, copy);
  }
}
