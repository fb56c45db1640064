package dev.lethe.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each malformed shape gives one problem, at the line where the mistake is. */
class MalformedDataMapTest {

  private static final String HEADER = "version: 1\nname: t\nentities:\n";

  private static List<Problem> problemsOf(String yaml) {
    try {
      DataMapLoader.load("map.yaml", yaml);
    } catch (DataMapException e) {
      return e.problems();
    }
    throw new AssertionError("the map loaded without problems");
  }

  /** Entities start on line 4, after {@link #HEADER}. */
  private static void assertOnlyProblem(String entities, int line, String message) {
    assertThat(problemsOf(HEADER + entities))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains(message);
              assertThat(p.location()).isEqualTo(new SourceLocation("map.yaml", line));
            });
  }

  @Test
  void an_unknown_top_level_key_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: {}
        scope: {}
        """,
        5,
        "the data map: unknown key 'scope'; expected one of: version, name, phone_region,"
            + " entities, retention, scopes");
  }

  @Test
  void an_unknown_relation_key_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id: { entity: contacts, on_delete: cascade, ondelete: detach }
        """,
        7,
        "relation notes.contact_id: unknown key 'ondelete'");
  }

  @Test
  void a_duplicate_key_is_a_problem() {
    assertOnlyProblem(
        """
          contacts:
            table: contacts
            key: id
            table: people
        """,
        7,
        "entity 'contacts': duplicate key 'table' (first at line 5)");
  }

  @Test
  void a_duplicate_entity_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: {}
          notes: {}
          contacts: { table: people }
        """,
        6,
        "entities: duplicate key 'contacts' (first at line 4)");
  }

  @Test
  void a_relation_needs_its_entity_and_on_delete() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id: { entity: contacts }
        """,
        7,
        "relation notes.contact_id: missing required key 'on_delete'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"users; DROP TABLE x", "a\"b", "`x`", "1st", "caf\u00e9", "a-b", "a b"})
  void a_name_that_is_not_a_plain_identifier_is_rejected(String name) {
    String quoted = "'" + name.replace("'", "''") + "'";
    assertOnlyProblem(
        "  contacts: { table: " + quoted + " }\n", 4, "'" + name + "' is not a valid table name");
    assertOnlyProblem("  " + quoted + ": {}\n", 4, "'" + name + "' is not a valid entity name");
    assertOnlyProblem(
        "  contacts: { personal: [ok, " + quoted + "] }\n",
        4,
        "'" + name + "' is not a valid column name");
  }

  @Test
  void sql_hidden_in_a_column_name_or_scope_name_is_rejected() {
    assertOnlyProblem(
        """
          contacts:
            identities:
              "email = email OR 1=1 --": email
        """,
        6,
        "'email = email OR 1=1 --' is not a valid column name");
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          "x'; DELETE FROM contacts; --":
            roots: [{ entity: contacts, identified_by: [email] }]
        """,
        6,
        "is not a valid scope name");
  }

  @Test
  void a_name_longer_than_63_characters_is_rejected() {
    String longName = "c".repeat(64);
    assertOnlyProblem("  contacts: { key: " + longName + " }\n", 4, "at most 63 characters");
    assertThat(DataMapLoader.load("map.yaml", HEADER + "  " + "c".repeat(63) + ": {}\n").entities())
        .hasSize(1);
  }

  @Test
  void an_unknown_identity_kind_lists_the_known_ones() {
    assertOnlyProblem(
        """
          contacts:
            identities:
              line_id: line
        """,
        6,
        "unknown identity kind 'line'; known kinds: email, phone, wa_id, psid, igsid,"
            + " meta_user_id, telegram");
  }

  @Test
  void ids_is_not_a_column_kind() {
    assertOnlyProblem(
        """
          contacts:
            identities:
              id: { kind: ids }
        """,
        6,
        "unknown identity kind 'ids'");
  }

  @Test
  void an_unknown_on_delete_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id: { entity: contacts, on_delete: restrict }
        """,
        7,
        "unknown on_delete 'restrict'; expected cascade, detach, anonymize or retain");
  }

  @Test
  void an_unknown_strategy_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id:
                entity: contacts
                on_delete: anonymize
                set: { body: scramble }
        """,
        10,
        "unknown strategy 'scramble'; expected null, hash or {text: \"…\"}");
  }

  @Test
  void set_is_only_allowed_with_anonymize() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id:
                entity: contacts
                on_delete: detach
                set: { body: null }
        """,
        10,
        "'set' is only allowed with on_delete anonymize, not detach");
  }

  @Test
  void anonymize_needs_a_non_empty_set() {
    assertOnlyProblem(
        """
          contacts: {}
          notes:
            parents:
              contact_id:
                entity: contacts
                on_delete: anonymize
                set: {}
        """,
        8,
        "on_delete anonymize needs a non-empty 'set' of columns");
  }

  @Test
  void retain_needs_a_retained_block_on_the_child() {
    assertOnlyProblem(
        """
          contacts: {}
          invoices:
            parents:
              contact_id: { entity: contacts, on_delete: retain }
        """,
        7,
        "on_delete is retain, but entity 'invoices' has no 'retained' block");
  }

  @Test
  void a_retained_block_needs_basis_period_and_since() {
    assertOnlyProblem(
        """
          invoices:
            retained:
              basis: "Tax law"
              for: 7 years
        """,
        6,
        "entity 'invoices', retained: missing required key 'since'");
  }

  @Test
  void a_bad_duration_is_a_problem() {
    assertOnlyProblem(
        """
          invoices:
            retained:
              basis: "Tax law"
              for: seven years
              since: issued_at
        """,
        7,
        "'seven years' is not a duration; write '<n> days|weeks|months|years' or an ISO-8601"
            + " period such as P13M");
  }

  @Test
  void a_relation_to_an_undeclared_entity_is_a_problem() {
    assertOnlyProblem(
        """
          notes:
            parents:
              contact_id: { entity: contacts, on_delete: cascade }
        """,
        6,
        "relation notes.contact_id: entity 'contacts' is not declared under 'entities'");
  }

  @Test
  void a_scope_root_must_name_a_declared_entity() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contact
                identified_by: [email]
        """,
        8,
        "scope 'erase': entity 'contact' is not declared under 'entities'");
  }

  @Test
  void a_scope_root_needs_a_column_for_each_identity_kind() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contacts
                identified_by: [email, psid, ids]
        """,
        8,
        "scope 'erase', root 'contacts': identified by psid, but entity 'contacts' has no"
            + " identity column of kind psid");
  }

  @Test
  void a_phone_identity_finds_whatsapp_ids() {
    DataMap map =
        DataMapLoader.load(
            "map.yaml",
            HEADER
                + """
                  contacts: { identities: { wa_id: wa_id } }
                scopes:
                  erase: { roots: [{ entity: contacts, identified_by: [phone] }] }
                """);

    assertThat(map.scope("erase")).isPresent();
  }

  @Test
  void an_unknown_kind_in_identified_by_lists_the_known_ones() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contacts
                identified_by: [email, mail]
        """,
        9,
        "unknown identity kind 'mail'; known kinds: email, phone, wa_id, psid, igsid,"
            + " meta_user_id, telegram, ids");
  }

  @Test
  void a_scope_root_needs_identities_or_filters() {
    assertOnlyProblem(
        """
          contacts: {}
        scopes:
          erase:
            roots:
              - entity: contacts
        """,
        8,
        "scope 'erase', root 'contacts': needs 'identified_by' or 'filters' to select its rows");
  }

  @Test
  void a_scope_needs_roots() {
    assertOnlyProblem(
        """
          contacts: {}
        scopes:
          erase:
            roots: []
        """,
        7,
        "scope 'erase': needs at least one root");
  }

  @Test
  void a_root_that_anonymizes_needs_a_set() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contacts
                identified_by: [email]
                action: anonymize
        """,
        8,
        "action anonymize needs a non-empty 'set' of columns");
  }

  @Test
  void a_root_action_is_delete_or_anonymize() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contacts
                identified_by: [email]
                action: detach
        """,
        10,
        "unknown action 'detach'; expected delete or anonymize");
  }

  @Test
  void a_tenant_bound_scope_needs_a_tenant_on_every_root() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            tenant_bound: true
            roots:
              - entity: contacts
                identified_by: [email]
        """,
        9,
        "the scope is tenant_bound, but entity 'contacts' has no tenant");
  }

  @Test
  void a_filter_needs_a_column() {
    assertOnlyProblem(
        """
          contacts: {}
        scopes:
          erase:
            roots:
              - entity: contacts
                filters:
                  bot: { range: true }
        """,
        10,
        "filter 'bot': missing required key 'column'");
  }

  @Test
  void a_retention_rule_must_name_a_declared_entity() {
    assertOnlyProblem(
        """
          messages: {}
        retention:
          - name: old_messages
            entity: message
            column: created_at
            max_age: 13 months
        """,
        7,
        "retention rule 'old_messages': entity 'message' is not declared under 'entities'");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pause_ratio | -1    | a number from 0 to 100",
        "pause_ratio | fast  | a number from 0 to 100",
        "pause_ratio | 101   | a number from 0 to 100",
        "pause_ratio | .nan  | a number from 0 to 100",
        "batch       | 0     | a whole number of rows from 1 to 50000",
        "batch       | -5    | a whole number of rows from 1 to 50000",
        "batch       | many  | a whole number of rows from 1 to 50000",
        "batch       | 2.5   | a whole number of rows from 1 to 50000",
        "batch       | 50001 | a whole number of rows from 1 to 50000",
        "batch       | 99999999999 | a whole number of rows from 1 to 50000",
        "max_rows_per_second | 0        | a whole number of rows a second from 1 to 10000000",
        "max_rows_per_second | -100     | a whole number of rows a second from 1 to 10000000",
        "max_rows_per_second | 1.5      | a whole number of rows a second from 1 to 10000000",
        "max_rows_per_second | slow     | a whole number of rows a second from 1 to 10000000",
        "max_rows_per_second | 10000001 | a whole number of rows a second from 1 to 10000000"
      })
  void a_retention_rules_pause_ratio_batch_and_rate_are_numbers_within_bounds(
      String key, String value, String expected) {
    assertOnlyProblem(
        """
          messages: {}
        retention:
          - name: old_messages
            entity: messages
            column: created_at
            max_age: 13 months
            %s: %s
        """
            .formatted(key, value),
        10,
        "retention rule 'old_messages', " + key + ": '" + value + "' is not " + expected);
  }

  @Test
  void retention_rule_names_are_unique() {
    assertOnlyProblem(
        """
          messages: {}
        retention:
          - { name: old, entity: messages, column: created_at, max_age: 1 year }
          - { name: old, entity: messages, column: sent_at, max_age: 2 years }
        """,
        7,
        "retention rule 'old' is declared more than once");
  }

  @Test
  void the_phone_region_is_a_two_letter_code() {
    assertThat(problemsOf("version: 1\nname: t\nphone_region: indonesia\nentities: { a: {} }\n"))
        .extracting(Problem::toString)
        .containsExactly(
            "map.yaml:3: phone_region must be a two-letter ISO 3166 region in capitals, such as"
                + " ID or US, not 'indonesia'");
  }

  @Test
  void a_root_action_given_without_a_value_is_a_problem() {
    assertOnlyProblem(
        """
          contacts: { identities: { email: email } }
        scopes:
          erase:
            roots:
              - entity: contacts
                identified_by: [email]
                action:
        """,
        10,
        "unknown action ''; expected delete or anonymize");
  }

  @Test
  void a_value_of_the_wrong_shape_is_a_problem() {
    assertOnlyProblem(
        """
          contacts:
            files: avatar_key
        """,
        5,
        "entity 'contacts', files must be a list");
    assertOnlyProblem("  contacts: [id]\n", 4, "entity 'contacts' must be a mapping");
  }
}
