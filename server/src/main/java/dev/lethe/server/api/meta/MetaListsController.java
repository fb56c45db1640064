package dev.lethe.server.api.meta;

import dev.lethe.core.apikey.Permission;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.InvalidFieldsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/meta/user-id-lists}: the lists of app-scoped user ids Meta e-mails (CSV or plain
 * text, as sent), imported in bulk by {@link MetaListImport}: one Meta data-deletion request per
 * id, erased in the background. Importing a list again adds nothing for ids already imported.
 */
@RestController
@RequestMapping(path = "/v1/meta", produces = "application/json")
class MetaListsController {

  private final MetaListImport lists;

  MetaListsController(MetaListImport lists) {
    this.lists = lists;
  }

  @PostMapping(
      path = "/user-id-lists",
      consumes = {"text/plain", "text/csv", "application/octet-stream"})
  MetaListImport.Summary importList(ApiCaller caller, @RequestBody(required = false) String text) {
    caller.require(Permission.REQUESTS_WRITE);
    caller.requireUnrestricted("import Meta user id lists, which reach every workspace");
    if (text == null || text.isBlank()) {
      throw InvalidFieldsException.of("body", "the list is empty: send Meta's file as it came");
    }
    return lists.run(text, caller.actor());
  }
}
