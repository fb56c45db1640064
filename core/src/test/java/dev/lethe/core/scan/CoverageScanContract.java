package dev.lethe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The coverage scan on a real database; subclassed once per database product. */
abstract class CoverageScanContract {

  private static final List<String> CRM_SCHEMA =
      List.of(
          "create table workspaces (id bigint primary key, name varchar(100) not null)",
          "create table contacts (id bigint primary key, workspace_id bigint not null,"
              + " name varchar(200), email varchar(200), phone varchar(40),"
              + " avatar_key varchar(200), created_at timestamp,"
              + " constraint contacts_workspace_fk foreign key (workspace_id)"
              + " references workspaces (id))",
          "create index contacts_workspace_email on contacts (workspace_id, email)",
          "create index contacts_phone on contacts (phone)",
          "create table conversations (id bigint primary key, workspace_id bigint not null,"
              + " contact_id bigint not null, status varchar(20), last_message text,"
              + " constraint conversations_workspace_fk foreign key (workspace_id)"
              + " references workspaces (id),"
              + " constraint conversations_contact_fk foreign key (contact_id)"
              + " references contacts (id))",
          "create index conversations_workspace on conversations (workspace_id)",
          "create index conversations_contact on conversations (contact_id)",
          "create table messages (id bigint primary key, conversation_id bigint not null,"
              + " body text, sent_at timestamp,"
              + " constraint messages_conversation_fk foreign key (conversation_id)"
              + " references conversations (id))",
          "create index messages_conversation on messages (conversation_id)");

  private TestDatabase db;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.create(kind());
  }

  @AfterEach
  void dropDatabase() {
    db.close();
  }

  @Test
  void a_schema_the_map_covers_completely_is_clean() throws SQLException {
    createCrmSchema();
    ScanReport report = scan(CrmMap.complete().build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(report.exitCode()).isZero();
    assertThat(report.toText()).startsWith("Clean:");
  }

  @Test
  void a_new_table_with_an_email_column_is_reported_unmapped() throws SQLException {
    createCrmSchema();
    execute("create table newsletter_signups (id bigint primary key, email varchar(200))");

    ScanReport report = scan(CrmMap.complete().build());

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.UNMAPPED_TABLE);
              assertThat(f.table()).isEqualTo("newsletter_signups");
              assertThat(f.columns()).containsExactly("email");
            });
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void an_undeclared_contact_id_is_reported_as_a_relation_to_contacts() throws SQLException {
    createCrmSchema();
    execute("alter table messages add contact_id bigint");

    ScanReport report = scan(CrmMap.complete().build());

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.UNDECLARED_RELATION);
              assertThat(f.location()).isEqualTo("messages.contact_id");
              assertThat(f.target()).contains("contacts");
            });
  }

  @Test
  void a_declared_foreign_key_the_map_leaves_out_is_reported() throws SQLException {
    createCrmSchema();
    ScanReport report =
        scan(CrmMap.complete().withoutRelation("conversations", "contact_id").build());

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.UNDECLARED_RELATION);
              assertThat(f.location()).isEqualTo("conversations.contact_id");
              assertThat(f.target()).contains("contacts");
              assertThat(f.message()).contains("declared foreign key");
            });
  }

  @Test
  void a_reference_from_an_unmapped_table_into_a_mapped_one_is_reported() throws SQLException {
    createCrmSchema();
    execute(
        "create table orders (id bigint primary key, contact_id bigint,"
            + " constraint orders_contact_fk foreign key (contact_id) references contacts (id))");

    ScanReport report = scan(CrmMap.complete().build());

    assertThat(report.findings())
        .extracting(f -> f.kind() + " " + f.location() + " " + f.target().orElse(""))
        .containsExactly(
            "UNMAPPED_TABLE orders ", "UNDECLARED_RELATION orders.contact_id contacts");
  }

  @Test
  void a_polymorphic_pair_is_reported() throws SQLException {
    createCrmSchema();
    execute(
        "create table notes (id bigint primary key, workspace_id bigint not null,"
            + " notable_type varchar(50), notable_id bigint, body text)");
    execute("create index notes_workspace on notes (workspace_id)");
    DataMap map =
        CrmMap.complete()
            .entity(
                "notes",
                "workspace_id",
                List.of(),
                List.of(CrmMap.cascade("notes", "workspace_id", "workspaces")),
                List.of(),
                List.of("body"))
            .build();

    ScanReport report = scan(map);

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.UNDECLARED_RELATION);
              assertThat(f.table()).isEqualTo("notes");
              assertThat(f.columns()).containsExactly("notable_type", "notable_id");
              assertThat(f.message()).contains("polymorphic");
            });
  }

  @Test
  void an_identity_column_without_an_index_is_reported() throws SQLException {
    createCrmSchema();
    execute("alter table contacts add wa_id varchar(32)");

    ScanReport report =
        scan(CrmMap.complete().withIdentity("contacts", "wa_id", IdentityKind.WA_ID).build());

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.MISSING_INDEX);
              assertThat(f.location()).isEqualTo("contacts.wa_id");
              assertThat(f.hint()).hasValueSatisfying(h -> assertThat(h).contains("create index"));
            });
  }

  @Test
  void lethe_and_migration_tables_are_ignored() throws SQLException {
    createCrmSchema();
    execute(
        "create table lethe_runs (id bigint primary key, subject_email varchar(200),"
            + " contact_id bigint,"
            + " constraint lethe_runs_contact_fk foreign key (contact_id) references contacts (id))");
    execute(
        "create table flyway_schema_history (installed_rank int primary key,"
            + " description varchar(200), script varchar(1000))");

    assertThat(scan(CrmMap.complete().build()).findings()).isEmpty();
  }

  @Test
  void an_empty_map_on_a_schema_without_foreign_keys_drafts_a_map_with_inferred_relations()
      throws SQLException {
    execute("create table accounts (id bigint primary key, name varchar(100))");
    execute(
        "create table users (id bigint primary key, email varchar(200),"
            + " encrypted_password varchar(200), name varchar(100))");
    execute("create table companies (id bigint primary key, account_id bigint, name varchar(100))");
    execute(
        "create table contacts (id bigint primary key, account_id bigint, company_id bigint,"
            + " name varchar(100), email varchar(200), phone_number varchar(40),"
            + " custom_attributes text)");
    execute(
        "create table comments (id bigint primary key, account_id bigint,"
            + " commentable_type varchar(50), commentable_id bigint, author_id bigint, body text)");
    execute("create table schema_migrations (version varchar(50) primary key)");
    execute("create table ar_internal_metadata (environment varchar(50) primary key)");

    ScanReport report = CoverageScan.scan(snapshot(), CrmMap.empty());

    assertThat(report.findings())
        .allMatch(f -> f.kind() == Finding.Kind.UNMAPPED_TABLE)
        .extracting(Finding::table)
        .containsExactly("accounts", "comments", "companies", "contacts", "users");
    assertThat(report.findings(Finding.Kind.UNMAPPED_TABLE))
        .filteredOn(f -> f.table().equals("contacts"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.columns())
                    .containsExactly("name", "email", "phone_number", "custom_attributes"));

    Map<String, Object> entities = entities(report.suggestDataMap());
    assertThat(entities).containsOnlyKeys("accounts", "comments", "companies", "contacts", "users");
    assertThat(path(entities, "accounts", "tenant")).isEqualTo("id");
    assertThat(path(entities, "contacts", "tenant")).isEqualTo("account_id");
    assertThat(path(entities, "contacts", "identities"))
        .isEqualTo(Map.of("email", "email", "phone_number", "phone"));
    assertThat(path(entities, "contacts", "personal"))
        .isEqualTo(List.of("name", "custom_attributes"));
    assertThat(path(entities, "contacts", "parents", "company_id", "entity"))
        .isEqualTo("companies");
    assertThat(path(entities, "contacts", "parents", "account_id", "on_delete"))
        .isEqualTo("cascade");
    assertThat(path(entities, "comments", "parents", "author_id", "entity")).isEqualTo("users");
    assertThat(report.suggestDataMap()).contains("# commentable_id: polymorphic");
  }

  private void createCrmSchema() {
    CRM_SCHEMA.forEach(this::execute);
  }

  private ScanReport scan(DataMap map) throws SQLException {
    return CoverageScan.scan(snapshot(), map);
  }

  private SchemaSnapshot snapshot() throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      return SchemaSnapshot.read(c);
    }
  }

  private void execute(String sql) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entities(String yaml) {
    Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return (Map<String, Object>) ((Map<String, Object>) document).get("entities");
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> map, String... keys) {
    Object node = map;
    for (String key : keys) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }
}
