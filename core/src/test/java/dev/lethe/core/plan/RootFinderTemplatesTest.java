package dev.lethe.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.core.sql.BoundMap;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The look-up of a request's roots is rendered once per shape on PostgreSQL (the root, the kinds of
 * identities, the filters set, the workspace) and finds the same rows as when built every time, on
 * every database: each request's own identities, workspace and range bound, never the first's.
 */
class RootFinderTemplatesTest {

  private static final String MAP =
      """
      version: 1
      name: roots
      entities:
        contact:
          tenant: workspace_id
          identities:
            email: email
            phone: phone
      scopes:
        subject:
          tenant_bound: true
          roots:
            - entity: contact
              identified_by: [email, phone]
              filters:
                seen: { column: seen_at, range: true }
      """;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void each_request_finds_its_own_roots_from_a_shape_rendered_once(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.execute(
          "CREATE TABLE contact (id BIGINT PRIMARY KEY, workspace_id BIGINT NOT NULL,"
              + " email VARCHAR(100), phone VARCHAR(30), seen_at TIMESTAMP)",
          "INSERT INTO contact VALUES"
              + " (1, 1, 'a@example.com', '+15550001', TIMESTAMP '2026-01-10 10:00:00'),"
              + " (2, 1, 'b@example.com', '+15550002', TIMESTAMP '2026-03-10 10:00:00'),"
              + " (3, 2, 'a@example.com', NULL, TIMESTAMP '2026-05-10 10:00:00'),"
              + " (4, 1, 'a@example.com', NULL, TIMESTAMP '2026-07-10 10:00:00')");
      SchemaSnapshot schema;
      try (Connection connection = db.dataSource().getConnection()) {
        schema = SchemaSnapshot.read(connection);
      }
      BoundMap bound = BoundMap.bind(DataMapLoader.load("roots.yaml", MAP), schema);
      DSLContext dsl = schema.vendor().dsl(db.dataSource());
      RootFinder finder = new RootFinder(dsl, bound);
      Scope scope = bound.map().scope("subject").orElseThrow();

      assertThat(find(finder, scope, request("1", email("a@example.com")))).containsExactly(1L, 4L);
      assertThat(find(finder, scope, request("1", email("b@example.com")))).containsExactly(2L);
      assertThat(find(finder, scope, request("2", email("a@example.com")))).containsExactly(3L);
      assertThat(find(finder, scope, request("1", email("nobody@example.com")))).isEmpty();
      // another shape: an e-mail address and a phone number
      assertThat(find(finder, scope, request("1", email("nobody@example.com"), phone("+15550002"))))
          .containsExactly(2L);
      // ranges: each end or both, as shapes of their own
      var a = request("1", email("a@example.com"));
      assertThat(find(finder, scope, a.withParam("seen", "2026-06-01.."))).containsExactly(4L);
      assertThat(find(finder, scope, a.withParam("seen", "..2026-06-01"))).containsExactly(1L);
      assertThat(find(finder, scope, a.withParam("seen", "2025-01-01..2026-06-01")))
          .containsExactly(1L);
      assertThat(find(finder, scope, a.withParam("seen", "2026-02-01..2026-12-01")))
          .containsExactly(4L);

      int shapes = bound.reads().size();
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        // e-mail; e-mail and phone; a range from, to, and both
        assertThat(shapes).isEqualTo(5);
      } else {
        assertThat(shapes).isZero();
      }
    }
  }

  private static List<Object> find(RootFinder finder, Scope scope, ErasureRequest request) {
    return finder.find(scope.roots().getFirst(), request, scope.tenantBound());
  }

  private static ErasureRequest request(String workspace, Identity... identities) {
    return ErasureRequest.of("subject", List.of(identities)).inWorkspace(workspace);
  }

  private static Identity email(String address) {
    return new Identity(IdentityKind.EMAIL, address);
  }

  private static Identity phone(String number) {
    return new Identity(IdentityKind.PHONE, number);
  }
}
