package dev.lethe.server.api.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lethe.core.apikey.ApiKey;
import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.core.apikey.IssuedKey;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.apikey.UnknownApiKeyException;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.FieldErrors;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/api-keys}: keys are issued (the token is shown once, in the answer), listed and
 * revoked by a key with the {@code keys} permission that reaches every workspace.
 */
@RestController
@RequestMapping(path = "/v1/api-keys", produces = "application/json")
class ApiKeysController {

  private final ApiKeys keys;

  ApiKeysController(ApiKeys keys) {
    this.keys = keys;
  }

  /** {@code {"name": "…", "permissions": ["requests:write", …], "workspace": "12"}}. */
  record KeyForm(String name, List<String> permissions, String workspace) {}

  /** A key as listed; {@code token} only in the answer that issues it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record KeyView(
      String id,
      String name,
      List<String> permissions,
      String workspace,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      Instant lastUsedAt,
      String token) {

    static KeyView of(ApiKey k, String token) {
      return new KeyView(
          k.id(),
          k.name(),
          k.permissions().stream().map(Permission::code).sorted().toList(),
          k.workspace().orElse(null),
          k.createdAt(),
          k.createdBy().code(),
          k.revokedAt().orElse(null),
          k.lastUsedAt().orElse(null),
          token);
    }
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<KeyView> issue(ApiCaller caller, @RequestBody(required = false) KeyForm form) {
    manage(caller);
    FieldErrors errors = new FieldErrors();
    KeyForm given = form == null ? new KeyForm(null, null, null) : form;
    if (given.name() == null || given.name().isBlank()) {
      errors.add("name", "required: what the key is for");
    }
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    if (given.permissions() == null || given.permissions().isEmpty()) {
      errors.add("permissions", "at least one of " + Permission.knownCodes());
    } else {
      for (int i = 0; i < given.permissions().size(); i++) {
        String code = given.permissions().get(i);
        Permission p = errors.read("permissions[" + i + "]", () -> Permission.parse(code));
        if (p != null) {
          permissions.add(p);
        }
      }
    }
    errors.throwIfAny();
    Optional<String> workspace =
        Optional.ofNullable(given.workspace()).map(String::strip).filter(w -> !w.isEmpty());
    IssuedKey issued;
    try {
      issued = keys.issue(given.name().strip(), permissions, workspace, caller.actor());
    } catch (IllegalArgumentException e) {
      FieldErrors refused = new FieldErrors();
      refused.add("body", e.getMessage());
      refused.throwIfAny();
      throw e;
    }
    return ResponseEntity.created(URI.create("/v1/api-keys/" + issued.key().id()))
        .body(KeyView.of(issued.key(), issued.token()));
  }

  @GetMapping
  List<KeyView> list(ApiCaller caller) {
    manage(caller);
    return keys.list().stream().map(k -> KeyView.of(k, null)).toList();
  }

  @DeleteMapping("/{id}")
  KeyView revoke(ApiCaller caller, @PathVariable String id) {
    manage(caller);
    keys.find(id).orElseThrow(() -> new UnknownApiKeyException(id));
    return KeyView.of(keys.revoke(id, caller.actor()), null);
  }

  private static void manage(ApiCaller caller) {
    caller.require(Permission.KEYS);
    caller.requireUnrestricted("manage API keys");
  }
}
