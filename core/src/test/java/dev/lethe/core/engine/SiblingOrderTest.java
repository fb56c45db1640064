package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.plan.EntityCount;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.plan.Plan;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A team's bots detach contacts that the team itself deletes, in pages of their own with their
 * notes (as a workspace's bots do its contacts). The contacts the team deletes are deleted without
 * being detached first; the bots detach only the others' contacts; the receipt counts each row
 * once, as the preview does.
 */
class SiblingOrderTest {

  private static final String MAP =
      """
      version: 1
      name: siblings
      entities:
        team:
          identities:
            email: email
        bot:
          parents:
            team_id: { entity: team, on_delete: cascade }
        contact:
          parents:
            team_id: { entity: team, on_delete: cascade }
            bot_id: { entity: bot, on_delete: detach }
        note:
          parents:
            contact_id: { entity: contact, on_delete: cascade }
        mark:
          parents:
            note_id: { entity: note, on_delete: cascade }
      scopes:
        subject:
          roots:
            - entity: team
              identified_by: [email]
      """;

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rows_a_sibling_deletes_are_not_detached_first(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      StringBuilder contacts = new StringBuilder("INSERT INTO contact VALUES ");
      for (int id = 1; id <= 30; id++) {
        // 1-20: the subject's team and bot; 21-25: another team on the subject's bot; 26-30: other
        int team = id <= 20 ? 1 : 2;
        int bot = id <= 25 ? 1 : 2;
        contacts.append(id == 1 ? "" : ", ").append("(" + id + ", " + team + ", " + bot + ")");
      }
      db.execute(
          "CREATE TABLE team (id BIGINT PRIMARY KEY, email VARCHAR(100))",
          "CREATE TABLE bot (id BIGINT PRIMARY KEY, team_id BIGINT REFERENCES team (id))",
          "CREATE TABLE contact (id BIGINT PRIMARY KEY, team_id BIGINT REFERENCES team (id),"
              + " bot_id BIGINT REFERENCES bot (id))",
          "CREATE TABLE note (id BIGINT PRIMARY KEY, contact_id BIGINT REFERENCES contact (id))",
          "CREATE TABLE mark (id BIGINT PRIMARY KEY, note_id BIGINT REFERENCES note (id))",
          "INSERT INTO team VALUES (1, 'a@example.com'), (2, 'b@example.com')",
          "INSERT INTO bot VALUES (1, 1), (2, 2)",
          contacts.toString(),
          "INSERT INTO note VALUES (1, 1), (2, 21)",
          "INSERT INTO mark VALUES (1, 1), (2, 2)");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = Engines.open(counting.dataSource(), "siblings.yaml", MAP, new NoFileStore());
      ErasureRequest request = Engines.subject(lethe, "a@example.com");
      Plan plan = lethe.plan(request, List.of());
      counting.sent.clear();

      Receipt receipt = lethe.erase(request, List.of());

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.entity("contact").deleted()).isEqualTo(20);
      assertThat(receipt.entity("contact").detached()).isEqualTo(5);
      EntityCount previewed =
          plan.preview().entities().stream()
              .filter(e -> e.entity().equals("contact"))
              .findFirst()
              .orElseThrow();
      assertThat(previewed.get(Outcome.DELETED)).isEqualTo(20);
      assertThat(previewed.get(Outcome.DETACHED)).isEqualTo(5);
      assertThat(db.count("SELECT COUNT(*) FROM contact WHERE id <= 20")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM contact WHERE id > 20 AND bot_id IS NULL"))
          .isEqualTo(5);
      assertThat(db.count("SELECT COUNT(*) FROM contact WHERE id > 25 AND bot_id = 2"))
          .isEqualTo(5);
      // the contacts' deletion came before the bots' detaching
      List<String> order =
          counting.sent.stream()
              .map(CountingDataSource.Sent::sql)
              .filter(s -> s.startsWith("delete from") || s.startsWith("update"))
              .filter(s -> s.matches("^(delete from|update) .contact. .*"))
              .toList();
      assertThat(order).isNotEmpty();
      assertThat(order.getFirst()).startsWith("delete from");
    }
  }
}
