package dev.lethe.cli;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityNormalizer;
import dev.lethe.core.plan.ErasureRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What to erase: {@code --scope}, {@code --identity}, {@code --workspace}, {@code --param}. */
final class RequestOptions {

  @Option(
      names = "--scope",
      required = true,
      paramLabel = "<scope>",
      description = "Scope of the data map: account, workspace, contact, …")
  String scope;

  @Option(
      names = "--identity",
      paramLabel = "<kind=value>",
      description =
          "Who: email=…, phone=…, wa_id=…, psid=…, igsid=…, meta_user_id=…, telegram=…, ids=…"
              + " (repeatable).")
  List<String> identities = new ArrayList<>();

  @Option(
      names = "--workspace",
      paramLabel = "<id>",
      description = "Workspace (tenant) id; required by tenant-bound scopes.")
  String workspace;

  @Option(
      names = "--param",
      paramLabel = "<name=value>",
      description = "Scope filter, e.g. bot=12 or first_conversation=2025-01-01..2025-06-30.")
  Map<String, String> params = new LinkedHashMap<>();

  /** Normalizes the identities with the map's phone region; nothing is looked up yet. */
  ErasureRequest toRequest(DataMap map) {
    if (map.scope(scope).isEmpty()) {
      throw CommandFailure.badInput(
          "no scope named '"
              + scope
              + "' in data map "
              + map.name()
              + " (scopes: "
              + String.join(", ", map.scopes().keySet())
              + ")");
    }
    IdentityNormalizer normalizer = new IdentityNormalizer(map.phoneRegion());
    List<Identity> parsed = identities.stream().map(normalizer::parse).toList();
    return new ErasureRequest(scope, parsed, Optional.ofNullable(workspace), params);
  }
}
