package dev.lethe.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.plan.ErasureRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request's identities sealed for storage while its run is open. */
final class SealedRequest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private record Stored(
      String scope, List<String[]> identities, String workspace, Map<String, String> params) {}

  private SealedRequest() {}

  static String seal(Sealer sealer, ErasureRequest request) {
    try {
      List<String[]> identities =
          request.identities().stream()
              .map(i -> new String[] {i.kind().code(), i.value()})
              .toList();
      return sealer.seal(
          MAPPER.writeValueAsString(
              new Stored(
                  request.scope(),
                  identities,
                  request.workspace().orElse(null),
                  request.params())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot seal request", e);
    }
  }

  static ErasureRequest open(Sealer sealer, String sealed) {
    try {
      Stored stored = MAPPER.readValue(sealer.open(sealed), Stored.class);
      List<Identity> identities =
          stored.identities().stream()
              .map(p -> new Identity(IdentityKind.fromCode(p[0]).orElseThrow(), p[1]))
              .toList();
      return new ErasureRequest(
          stored.scope(), identities, Optional.ofNullable(stored.workspace()), stored.params());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sealed request is not readable", e);
    }
  }
}
