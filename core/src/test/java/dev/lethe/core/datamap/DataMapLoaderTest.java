package dev.lethe.core.datamap;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lethe.core.identity.IdentityKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataMapLoaderTest {

  private static DataMap loadResource(String name) throws Exception {
    try (InputStream in = DataMapLoaderTest.class.getResourceAsStream("/datamap/" + name)) {
      return DataMapLoader.load(name, in);
    }
  }

  private static List<Problem> problemsOf(String yaml) {
    try {
      DataMapLoader.load("map.yaml", yaml);
    } catch (DataMapException e) {
      return e.problems();
    }
    throw new AssertionError("the map loaded without problems");
  }

  @Test
  void a_valid_map_loads_with_all_its_parts() throws Exception {
    DataMap map = loadResource("valid.yaml");

    assertThat(map.name()).isEqualTo("small-crm");
    assertThat(map.phoneRegion()).isEqualTo("ID");
    assertThat(map.fingerprint()).hasSize(64);
    assertThat(map.entities().keySet())
        .containsExactly("workspaces", "users", "contacts", "messages", "notes", "invoices");

    Entity contacts = map.entity("contacts");
    assertThat(contacts.table()).isEqualTo("contacts");
    assertThat(contacts.key()).isEqualTo("id");
    assertThat(contacts.tenant()).contains("workspace_id");
    assertThat(contacts.identities())
        .containsExactly(
            new IdentityColumn("email", IdentityKind.EMAIL, true),
            new IdentityColumn("phone", IdentityKind.PHONE, true),
            new IdentityColumn("wa_id", IdentityKind.WA_ID, true));
    assertThat(contacts.files()).containsExactly("avatar_key");
    assertThat(contacts.personal()).containsExactly("first_name", "last_name");
    assertThat(contacts.location()).isEqualTo(new SourceLocation("valid.yaml", 16));

    assertThat(map.entity("users").identities())
        .contains(new IdentityColumn("email", IdentityKind.EMAIL, false));

    Entity messages = map.entity("messages");
    assertThat(messages.table()).isEqualTo("chat_messages");
    assertThat(messages.key()).isEqualTo("message_id");
    assertThat(messages.parents())
        .extracting(Relation::column, Relation::parent, Relation::onDelete)
        .containsExactly(
            tuple("contact_id", "contacts", OnDelete.CASCADE),
            tuple("sent_by", "users", OnDelete.DETACH));
    assertThat(messages.parents().get(0).location().line()).isEqualTo(33);

    Relation notesToContact = map.entity("notes").parents().get(0);
    assertThat(notesToContact.onDelete()).isEqualTo(OnDelete.ANONYMIZE);
    assertThat(notesToContact.set())
        .containsEntry("author_name", new Anonymization.FixedText("Deleted contact"))
        .containsEntry("body", new Anonymization.SetNull())
        .containsEntry("email_hash", new Anonymization.KeyedHash());

    Retained retained = map.entity("invoices").retained().orElseThrow();
    assertThat(retained.basis()).isEqualTo("Tax law: invoices are kept for 7 years");
    assertThat(retained.keepFor()).isEqualTo(Period.ofYears(7));
    assertThat(retained.since()).isEqualTo("issued_at");
    assertThat(retained.anonymize()).hasSize(2);
    assertThat(map.childrenOf("contacts"))
        .extracting(Relation::child)
        .containsExactly("messages", "notes", "invoices");

    assertThat(map.retention())
        .extracting(
            RetentionRule::name,
            RetentionRule::maxAge,
            RetentionRule::action,
            RetentionRule::pauseRatio,
            RetentionRule::batch,
            RetentionRule::maxRowsPerSecond)
        .containsExactly(
            tuple(
                "messages_13_months",
                Period.ofMonths(13),
                RetentionRule.Action.DELETE,
                0.5,
                500,
                2000L),
            tuple("notes_2_years", Period.ofYears(2), RetentionRule.Action.ANONYMIZE, 0.0, 0, 0L));

    Scope contactErasure = map.scope("contact_erasure").orElseThrow();
    assertThat(contactErasure.tenantBound()).isTrue();
    assertThat(contactErasure.description()).isEqualTo("A contact asks to be forgotten");
    ScopeRoot root = contactErasure.roots().get(0);
    assertThat(root.entity()).isEqualTo("contacts");
    assertThat(root.identifiedBy())
        .containsExactlyInAnyOrder(IdentityKind.EMAIL, IdentityKind.PHONE, IdentityKind.IDS);
    assertThat(root.filters())
        .containsEntry("first_seen", new ScopeRoot.Filter("created_at", true));
    assertThat(root.action()).isEqualTo(OnDelete.CASCADE);

    ScopeRoot admin = map.scope("admin_erasure").orElseThrow().roots().get(0);
    assertThat(admin.action()).isEqualTo(OnDelete.ANONYMIZE);
    assertThat(admin.set()).containsEntry("email", new Anonymization.KeyedHash());
    assertThat(map.scope("admin_erasure").orElseThrow().tenantBound()).isFalse();
  }

  @Test
  void a_map_loads_from_a_file_path_with_the_path_as_its_source() throws Exception {
    Path file = Path.of(DataMapLoaderTest.class.getResource("/datamap/valid.yaml").toURI());

    DataMap map = DataMapLoader.load(file);

    assertThat(map.entity("contacts").location().file()).isEqualTo(file.toString());
  }

  @Test
  void table_key_and_phone_region_have_defaults() {
    DataMap map =
        DataMapLoader.load(
            "map.yaml",
            """
            version: 1
            name: tiny
            entities:
              contacts: {}
              notes:
            """);

    assertThat(map.phoneRegion()).isEqualTo("US");
    assertThat(map.entity("contacts").table()).isEqualTo("contacts");
    assertThat(map.entity("contacts").key()).isEqualTo("id");
    assertThat(map.entity("notes").table()).isEqualTo("notes");
    assertThat(map.scopes()).isEmpty();
    assertThat(map.retention()).isEmpty();
  }

  @Test
  void the_fingerprint_is_stable_and_changes_with_the_text() {
    String text = "version: 1\nname: a\nentities:\n  contacts: {}\n";

    String first = DataMapLoader.load("map.yaml", text).fingerprint();
    String again = DataMapLoader.load("other.yaml", text).fingerprint();
    String changed = DataMapLoader.load("map.yaml", text + "# a comment\n").fingerprint();

    assertThat(first).isEqualTo(again).matches("[0-9a-f]{64}");
    assertThat(changed).isNotEqualTo(first);
    assertThat(first).isEqualTo(sha256(text));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void several_problems_are_all_reported_in_line_order() {
    assertThatThrownBy(
            () ->
                DataMapLoader.load(
                    "map.yaml",
                    """
                    version: 2
                    name: broken
                    entities:
                      contacts:
                        tabel: people
                        identities:
                          email: e_mail
                      messages:
                        parents:
                          contact_id: { entity: contact, on_delete: cascade }
                    scopes:
                      erase:
                        roots:
                          - entity: contacts
                            identified_by: [phone]
                    """))
        .isInstanceOf(DataMapException.class)
        .hasMessage(
            String.join(
                "\n",
                "map.yaml:1: version must be 1, not '2'",
                "map.yaml:5: entity 'contacts': unknown key 'tabel'; expected one of: table, key,"
                    + " tenant, identities, files, personal, parents, retained",
                "map.yaml:7: entity 'contacts', identity column 'email': unknown identity kind"
                    + " 'e_mail'; known kinds: email, phone, wa_id, psid, igsid, meta_user_id,"
                    + " telegram",
                "map.yaml:10: relation messages.contact_id: entity 'contact' is not declared under"
                    + " 'entities'",
                "map.yaml:14: scope 'erase', root 'contacts': identified by phone, but entity"
                    + " 'contacts' has no identity column of kind phone"));
  }

  @Test
  void a_yaml_syntax_error_is_reported_with_its_line() {
    List<Problem> problems =
        problemsOf(
            """
            version: 1
            name: broken
            entities:
              contacts: { table: contacts
              messages: {}
            """);

    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "map.yaml:5: not valid YAML: expected ',' or '}', but got : (while parsing a flow"
                + " mapping)");
  }

  @Test
  void an_empty_file_is_a_problem() {
    assertThat(problemsOf("# nothing here\n"))
        .containsExactly(new Problem(new SourceLocation("map.yaml", 1), "the data map is empty"));
  }

  @Test
  void a_map_that_is_not_a_mapping_is_a_problem() {
    assertThat(problemsOf("- version: 1\n"))
        .extracting(Problem::message)
        .containsExactly("the data map must be a mapping");
  }

  @Test
  void the_version_name_and_entities_are_required() {
    assertThat(problemsOf("phone_region: ID\n"))
        .extracting(Problem::message)
        .containsExactlyInAnyOrder(
            "the data map: missing required key 'version'",
            "the data map: missing required key 'name'",
            "the data map: missing required key 'entities'");
  }

  @Test
  void the_file_is_read_as_utf8_and_bad_bytes_are_a_problem() {
    byte[] latin1 = "version: 1\nname: caf\u00e9\n".getBytes(ISO_8859_1);

    assertThatThrownBy(() -> DataMapLoader.load("map.yaml", new ByteArrayInputStream(latin1)))
        .isInstanceOf(DataMapException.class)
        .hasMessage("map.yaml:0: the file is not UTF-8 text");
  }
}
