package dev.lethe.core.request;

import dev.lethe.core.identity.ThreadCrypto;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What makes two requests duplicates: same type, scope, workspace, the same set of identity hashes
 * (in any order) and the same parameters. The digest is of keyed hashes, so it reveals nothing.
 */
final class MatchKey {

  private MatchKey() {}

  static String of(
      RequestType type,
      String scope,
      Optional<String> workspace,
      Collection<String> identityHashes,
      Map<String, String> params) {
    String canonical =
        Json.write(
            List.of(
                type.code(),
                scope,
                workspace.orElse(""),
                sortedDistinct(identityHashes),
                new TreeMap<>(params)));
    return ThreadCrypto.sha256Hex(canonical);
  }

  static List<String> sortedDistinct(Collection<String> hashes) {
    return hashes.stream().distinct().sorted().toList();
  }
}
