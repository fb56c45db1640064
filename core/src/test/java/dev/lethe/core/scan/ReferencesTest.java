package dev.lethe.core.scan;

import static dev.lethe.core.scan.Columns.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.schema.ForeignKey;
import dev.lethe.core.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  private final Table accounts = table("accounts", "name:text");
  private final Table users = table("users", "email:text");
  private final Table companies = table("companies", "name:text");
  private final Table contacts =
      table(
          "contacts",
          "account_id:bigint",
          "company_id:bigint",
          "creator_account_id:bigint",
          "external_id:text");
  private final Table comments =
      table(
          "comments",
          "commentable_type:text",
          "commentable_id:bigint",
          "author_id:bigint",
          "created_by:bigint",
          "body:text");
  private final Table messages = table("messages", "contactid:bigint", "wa_message_id:text");
  private final References references =
      new References(List.of(accounts, users, companies, contacts, comments, messages));

  @Test
  void infers_references_from_columns_named_after_tables() {
    assertThat(targets(contacts))
        .containsExactly(
            "account_id -> accounts", "company_id -> companies", "creator_account_id -> accounts");
    assertThat(references.from(contacts))
        .allMatch(r -> r.basis() == Reference.Basis.NAMED_LIKE_TABLE);
  }

  @Test
  void reads_run_together_names_and_ignores_ids_of_another_type() {
    assertThat(targets(messages)).containsExactly("contactid -> contacts");
  }

  @Test
  void takes_author_and_creator_columns_for_references_to_people() {
    assertThat(references.from(comments))
        .filteredOn(r -> r.basis() == Reference.Basis.PERSON_ROLE)
        .extracting(r -> r.column() + " -> " + r.target().orElseThrow())
        .containsExactly("author_id -> users", "created_by -> users");
  }

  @Test
  void pairs_type_and_id_columns_into_a_polymorphic_reference() {
    assertThat(references.from(comments))
        .filteredOn(Reference::isPolymorphic)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.column()).isEqualTo("commentable_id");
              assertThat(r.typeColumn()).contains("commentable_type");
            });
  }

  @Test
  void prefers_declared_foreign_keys_and_reports_each_column_once() {
    Table orders =
        table(
            "orders",
            List.of(
                new ForeignKey(
                    "orders", "buyer_id", "users", "id", ForeignKey.DeleteRule.RESTRICT)),
            "buyer_id:bigint",
            "contact_id:bigint");
    References withOrders = new References(List.of(users, contacts, orders));
    assertThat(withOrders.from(orders))
        .extracting(r -> r.column() + " " + r.basis())
        .containsExactly("buyer_id DECLARED_FOREIGN_KEY", "contact_id NAMED_LIKE_TABLE");
  }

  @Test
  void finds_django_style_prefixed_tables_and_generic_relations() {
    Table authUser = table("auth_user", "username:text");
    Table notes = table("crm_note", "user_id:bigint", "content_type_id:bigint", "object_id:bigint");
    References django = new References(List.of(authUser, notes));
    assertThat(django.from(notes))
        .extracting(r -> r.column() + " -> " + r.target().orElse("?") + " " + r.basis())
        .containsExactlyInAnyOrder(
            "user_id -> auth_user NAMED_LIKE_TABLE", "object_id -> ? POLYMORPHIC");
  }

  private List<String> targets(Table table) {
    return references.from(table).stream()
        .map(r -> r.column() + " -> " + r.target().map(String::valueOf).orElse("?"))
        .toList();
  }
}
