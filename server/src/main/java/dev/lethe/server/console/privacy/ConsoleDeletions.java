package dev.lethe.server.console.privacy;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.request.Contact;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestType;
import dev.lethe.server.api.ApiForbiddenException;
import dev.lethe.server.console.Operator;
import dev.lethe.server.requests.RequestProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The deletions the privacy tools ask for, each one request through the desk: from the console,
 * already verified (staff chose the rows), with the operator's own address to confirm it to.
 */
@Component
class ConsoleDeletions {

  private final Desk desk;
  private final String jurisdiction;

  ConsoleDeletions(Desk desk, RequestProperties properties) {
    this.desk = desk;
    this.jurisdiction = properties.defaultJurisdiction();
  }

  DeletionRequest byIds(
      Operator me, String scope, String workspace, List<String> ids, Locale locale) {
    List<Identity> identities = ids.stream().map(id -> new Identity(IdentityKind.IDS, id)).toList();
    return receive(me, scope, workspace, identities, Map.of(), locale);
  }

  DeletionRequest byFilters(
      Operator me, String scope, String workspace, Map<String, String> params, Locale locale) {
    return receive(me, scope, workspace, List.of(), params, locale);
  }

  private DeletionRequest receive(
      Operator me,
      String scope,
      String workspace,
      List<Identity> identities,
      Map<String, String> params,
      Locale locale) {
    if (!me.reaches(Optional.of(workspace))) {
      throw new ApiForbiddenException("this operator does not reach that workspace");
    }
    NewRequest request =
        new NewRequest(
            RequestType.ERASURE,
            scope,
            identities,
            Optional.of(workspace),
            params,
            jurisdiction,
            RequestSource.ADMIN,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            me.email().map(address -> new Contact(address, locale.getLanguage())));
    return desk.receive(request, me.actor()).request();
  }

  /** The workspace to work in: a workspace admin's own (the first by default), any for staff. */
  static Optional<String> workspace(Operator me, String given) {
    Optional<String> chosen =
        Optional.ofNullable(given).map(String::strip).filter(w -> !w.isEmpty());
    if (me.workspaceAdmin()) {
      chosen = chosen.or(() -> me.workspaces().stream().findFirst());
    }
    if (chosen.isPresent() && !me.reaches(chosen)) {
      throw new ApiForbiddenException("this operator does not reach that workspace");
    }
    return chosen;
  }
}
