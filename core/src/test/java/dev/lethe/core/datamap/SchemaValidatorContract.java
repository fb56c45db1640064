package dev.lethe.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.platform.testing.TestDatabase;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The schema validator on a real database; subclassed once per database product. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaValidatorContract {

  private static final List<String> SCHEMA =
      List.of(
          "create table workspaces (id bigint primary key, name varchar(100))",
          "create table agents (id bigint primary key, workspace_id bigint,"
              + " email varchar(200) not null,"
              + " foreign key (workspace_id) references workspaces (id))",
          "create table contacts (id bigint primary key, workspace_id bigint not null,"
              + " email varchar(200), phone varchar(40), first_name varchar(100),"
              + " avatar_key varchar(200), created_on date,"
              + " foreign key (workspace_id) references workspaces (id))",
          "create table messages (id bigint primary key, workspace_id bigint not null,"
              + " contact_id bigint not null, agent_id bigint not null, body varchar(1000),"
              + " created_on date, foreign key (contact_id) references contacts (id))",
          "create table notes (id bigint primary key, contact_id bigint,"
              + " author varchar(100) not null, body varchar(1000), created_on date)",
          "create table invoices (id bigint primary key, contact_id bigint,"
              + " billing_name varchar(100), issued_on date)",
          "create table tags (workspace_id bigint not null, name varchar(50) not null,"
              + " primary key (workspace_id, name))",
          "create table teams (id bigint primary key, lead_id bigint)",
          "create table members (id bigint primary key, team_id bigint)");

  private TestDatabase db;
  private SchemaSnapshot schema;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void createSchema() throws SQLException {
    db = TestDatabase.create(kind());
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : SCHEMA) {
        statement.execute(sql);
      }
      schema = SchemaSnapshot.read(connection);
    }
  }

  @AfterAll
  void dropSchema() {
    if (db != null) {
      db.close();
    }
  }

  private static DataMap mapWith(String entities) {
    return DataMapLoader.load("map.yaml", "version: 1\nname: t\nentities:\n" + entities);
  }

  private List<String> problemsOf(String entities) {
    return SchemaValidator.validate(mapWith(entities), schema).stream()
        .map(Problem::toString)
        .toList();
  }

  @Test
  void a_map_that_fits_the_schema_has_no_problems() throws Exception {
    DataMap map;
    try (InputStream in = getClass().getResourceAsStream("/datamap/schema-fit.yaml")) {
      map = DataMapLoader.load("schema-fit.yaml", in);
    }

    assertThat(SchemaValidator.validate(map, schema)).isEmpty();
  }

  @Test
  void a_missing_table_is_reported() {
    assertThat(problemsOf("  contacts: {}\n  invoice_lines: {}\n"))
        .containsExactly(
            "map.yaml:5: entity 'invoice_lines': table 'invoice_lines' does not exist");
  }

  @Test
  void table_names_are_matched_without_regard_to_case() {
    assertThat(problemsOf("  contacts: { table: CONTACTS, identities: { EMAIL: email } }\n"))
        .isEmpty();
  }

  @Test
  void missing_columns_are_reported_with_their_role() {
    assertThat(
            problemsOf(
                """
                  contacts:
                    tenant: tenant_id
                    identities: { emial: email }
                    files: [avatar]
                    personal: [first_name, last_name]
                """))
        .containsExactly(
            "map.yaml:4: entity 'contacts': tenant column 'tenant_id' does not exist in table"
                + " 'contacts'",
            "map.yaml:4: entity 'contacts': identity column 'emial' does not exist in table"
                + " 'contacts'",
            "map.yaml:4: entity 'contacts': file column 'avatar' does not exist in table"
                + " 'contacts'",
            "map.yaml:4: entity 'contacts': personal column 'last_name' does not exist in table"
                + " 'contacts'");
  }

  @Test
  void a_key_that_is_not_the_primary_key_is_reported() {
    assertThat(problemsOf("  contacts: { key: email }\n  tags: { key: name }\n"))
        .containsExactly(
            "map.yaml:4: entity 'contacts': key 'email' must be the single-column primary key of"
                + " table 'contacts', but its primary key is (id)",
            "map.yaml:5: entity 'tags': key 'name' must be the single-column primary key of"
                + " table 'tags', but its primary key is (workspace_id, name)");
  }

  @Test
  void a_missing_key_column_is_reported() {
    assertThat(problemsOf("  contacts: { key: contact_id }\n"))
        .containsExactly(
            "map.yaml:4: entity 'contacts': key column 'contact_id' does not exist in table"
                + " 'contacts'");
  }

  @Test
  void a_detach_relation_on_a_not_null_column_is_reported() {
    assertThat(
            problemsOf(
                """
                  agents: {}
                  messages:
                    parents:
                      agent_id: { entity: agents, on_delete: detach }
                """))
        .containsExactly(
            "map.yaml:7: relation messages.agent_id → agents: column 'agent_id' of table"
                + " 'messages' is NOT NULL, but on_delete detach sets it to NULL");
  }

  @Test
  void a_column_anonymized_to_null_must_be_nullable() {
    assertThat(
            problemsOf(
                """
                  contacts: {}
                  notes:
                    parents:
                      contact_id:
                        entity: contacts
                        on_delete: anonymize
                        set: { author: null, body: null, title: hash }
                """))
        .containsExactly(
            "map.yaml:7: relation notes.contact_id → contacts: column 'author' of table 'notes'"
                + " is NOT NULL, but set rewrites it to NULL",
            "map.yaml:7: relation notes.contact_id → contacts: set column 'title' does not exist"
                + " in table 'notes'");
  }

  @Test
  void a_relation_column_must_exist() {
    assertThat(
            problemsOf(
                """
                  contacts: {}
                  notes:
                    parents:
                      person_id: { entity: contacts, on_delete: cascade }
                """))
        .containsExactly(
            "map.yaml:7: relation notes.person_id → contacts: reference column 'person_id' does"
                + " not exist in table 'notes'");
  }

  @Test
  void a_relation_that_disagrees_with_the_foreign_key_is_reported() {
    assertThat(
            problemsOf(
                """
                  agents: {}
                  messages:
                    parents:
                      contact_id: { entity: agents, on_delete: cascade }
                """))
        .singleElement()
        .asString()
        .startsWith("map.yaml:7: relation messages.contact_id → agents: the database's foreign key")
        .containsIgnoringCase("references table 'contacts', not 'agents'");
  }

  @Test
  void retention_scope_and_retained_columns_are_checked() {
    DataMap map =
        DataMapLoader.load(
            "map.yaml",
            """
            version: 1
            name: t
            entities:
              contacts:
                tenant: workspace_id
                identities: { email: email }
              invoices:
                parents:
                  contact_id: { entity: contacts, on_delete: retain }
                retained: { basis: "Tax law", for: 7 years, since: issued_at }
            retention:
              - { name: old_contacts, entity: contacts, column: last_seen, max_age: 1 year }
            scopes:
              erase:
                roots:
                  - entity: contacts
                    identified_by: [email]
                    filters: { bot: { column: bot_id } }
            """);

    assertThat(SchemaValidator.validate(map, schema))
        .extracting(Problem::toString)
        .containsExactly(
            "map.yaml:7: entity 'invoices': retained.since column 'issued_at' does not exist in"
                + " table 'invoices'",
            "map.yaml:12: retention rule 'old_contacts': age column 'last_seen' does not exist in"
                + " table 'contacts'",
            "map.yaml:14: scope 'erase', root 'contacts': filter bot column 'bot_id' does not"
                + " exist in table 'contacts'");
  }

  @Test
  void a_cycle_of_cascades_is_reported_as_a_path() {
    String cycle =
        """
          teams:
            parents:
              lead_id: { entity: members, on_delete: %s }
          members:
            parents:
              team_id: { entity: teams, on_delete: cascade }
        """;

    assertThat(problemsOf(cycle.formatted("cascade")))
        .containsExactly(
            "map.yaml:9: relations cascade in a cycle: teams → members → teams; a cycle of"
                + " cascades has no order to delete in, so make one of these relations detach,"
                + " anonymize or retain");
    assertThat(problemsOf(cycle.formatted("detach"))).isEmpty();
  }

  @Test
  void a_table_that_cascades_to_itself_is_a_cycle() {
    assertThat(
            problemsOf(
                """
                  members:
                    parents:
                      team_id: { entity: members, on_delete: cascade }
                """))
        .singleElement()
        .asString()
        .contains("relations cascade in a cycle: members → members");
  }

  @Test
  void require_valid_throws_with_every_problem() {
    DataMap map = mapWith("  contacts: { key: email }\n  invoice_lines: {}\n");

    assertThatThrownBy(() -> SchemaValidator.requireValid(map, schema))
        .isInstanceOfSatisfying(DataMapException.class, e -> assertThat(e.problems()).hasSize(2))
        .hasMessageContaining("map.yaml:4: entity 'contacts': key 'email'")
        .hasMessageContaining("\nmap.yaml:5: entity 'invoice_lines'");
  }
}
