package dev.lethe.server.api.meta;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.meta.MetaUserIdList;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestSource;
import dev.lethe.server.config.LetheProperties;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The import of a user id list Meta e-mails, shared by the REST API and the console: one Meta
 * data-deletion request per id, with an idempotency key per id, so importing a list again adds
 * nothing for ids already imported.
 */
@Component
public class MetaListImport {

  /** What an import did; ids are not repeated back, problems are named by line. */
  public record Summary(
      int ids,
      int created,
      int alreadyKnown,
      int duplicatesInList,
      List<MetaUserIdList.Problem> problems,
      int problemsLeftOut) {}

  private final Desk desk;
  private final LetheProperties.Meta meta;

  MetaListImport(Desk desk, LetheProperties properties) {
    this.desk = desk;
    this.meta = properties.meta();
  }

  /**
   * @throws dev.lethe.core.meta.UserIdListTooLargeException past the list's limits
   */
  public Summary run(String text, Actor actor) {
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
      if (desk.receive(request, actor).created()) {
        created++;
      }
    }
    return new Summary(
        list.ids().size(),
        created,
        list.ids().size() - created,
        list.duplicates(),
        list.problems(),
        list.problemsLeftOut());
  }
}
