package dev.lethe.server.api.meta;

import dev.lethe.core.apikey.Permission;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.meta.MetaUserIdList;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.config.LetheProperties;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/meta/user-id-lists}: the lists of app-scoped user ids Meta e-mails (CSV or plain
 * text, as sent), imported in bulk: one Meta data-deletion request per id, erased in the
 * background. Importing a list again adds nothing for ids already imported.
 */
@RestController
@RequestMapping(path = "/v1/meta", produces = "application/json")
class MetaListsController {

  private final Desk desk;
  private final LetheProperties.Meta meta;

  MetaListsController(Desk desk, LetheProperties properties) {
    this.desk = desk;
    this.meta = properties.meta();
  }

  /** What an import did; ids are not repeated back, problems are named by line. */
  record ImportView(
      int ids,
      int created,
      int alreadyKnown,
      int duplicatesInList,
      List<MetaUserIdList.Problem> problems,
      int problemsLeftOut) {}

  @PostMapping(
      path = "/user-id-lists",
      consumes = {"text/plain", "text/csv", "application/octet-stream"})
  ImportView importList(ApiCaller caller, @RequestBody(required = false) String text) {
    caller.require(Permission.REQUESTS_WRITE);
    caller.requireUnrestricted("import Meta user id lists, which reach every workspace");
    if (text == null || text.isBlank()) {
      throw InvalidFieldsException.of("body", "the list is empty: send Meta's file as it came");
    }
    MetaUserIdList list = MetaUserIdList.parse(text);
    int created = 0;
    for (String id : list.ids()) {
      NewRequest request =
          NewRequest.erasure(
                  meta.scope(),
                  List.of(new Identity(IdentityKind.META_USER_ID, id)),
                  meta.jurisdiction(),
                  RequestSource.META_CALLBACK)
              .withIdempotencyKey("meta-user-id-list:" + id);
      if (desk.receive(request, caller.actor()).created()) {
        created++;
      }
    }
    return new ImportView(
        list.ids().size(),
        created,
        list.ids().size() - created,
        list.duplicates(),
        list.problems(),
        list.problemsLeftOut());
  }
}
