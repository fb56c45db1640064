package dev.lethe.server.api;

import dev.lethe.core.apikey.ApiKey;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.request.Actor;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling the REST API: the API key of the request, with what it may do and which workspaces
 * it reaches. Resolved by {@link ApiKeyInterceptor}, handed to controllers as a method argument.
 */
public record ApiCaller(ApiKey key) implements Reach {

  public ApiCaller {
    Objects.requireNonNull(key, "key");
  }

  /**
   * @throws ApiForbiddenException when the key lacks the permission
   */
  public void require(Permission permission) {
    if (!key.allows(permission)) {
      throw new ApiForbiddenException("this API key lacks the permission " + permission.code());
    }
  }

  /** The workspace the key is limited to; empty for a key that reaches every workspace. */
  public Optional<String> workspace() {
    return key.workspace();
  }

  @Override
  public boolean limited() {
    return key.workspace().isPresent();
  }

  @Override
  public Optional<String> onlyWorkspace() {
    return key.workspace();
  }

  /** Whether something in {@code workspace} (or in none) is within this key's reach. */
  @Override
  public boolean reaches(Optional<String> workspace) {
    return key.reaches(workspace);
  }

  /**
   * @throws ApiForbiddenException unless the key reaches every workspace
   */
  public void requireUnrestricted(String what) {
    if (key.workspace().isPresent()) {
      throw new ApiForbiddenException("an API key limited to one workspace cannot " + what);
    }
  }

  public Actor actor() {
    return key.actor();
  }
}
