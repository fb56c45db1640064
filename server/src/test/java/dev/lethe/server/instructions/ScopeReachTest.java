package dev.lethe.server.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.platform.ReferencePlatform;
import org.junit.jupiter.api.Test;

/** What the instructions say each scope of the reference platform's map does. */
class ScopeReachTest {

  final DataMap map =
      DataMapLoader.load("reference-platform.yaml", ReferencePlatform.dataMapText());

  @Test
  void a_whole_account_deletes_its_workspaces_contents_and_keeps_invoices_and_audit_logs() {
    ScopeReach account = ScopeReach.of(map, map.scope("account").orElseThrow());

    assertThat(account.deleted())
        .startsWith("accounts")
        .contains("workspaces", "contacts", "messages", "attachments", "kb_embeddings")
        .doesNotContain("invoices", "audit_logs", "analytics_daily");
    assertThat(account.retained()).containsExactly("invoices", "audit_logs");
    assertThat(account.unlinked()).containsExactly("analytics_daily");
    assertThat(account.anonymized()).isEmpty();
    assertThat(account.anonymizedWhereKept())
        .containsEntry("notes", java.util.List.of("author_name"));
  }

  @Test
  void meta_data_deletes_channels_and_tokens_and_rewrites_the_ids_left_on_accounts_and_contacts() {
    ScopeReach meta = ScopeReach.of(map, map.scope("meta_platform").orElseThrow());

    assertThat(meta.deleted())
        .containsExactly(
            "oauth_tokens", "channels", "conversations", "messages", "attachments", "ai_call_logs");
    assertThat(meta.anonymized())
        .containsEntry("accounts", java.util.List.of("meta_user_id"))
        .containsEntry("contacts", java.util.List.of("psid", "igsid"));
    assertThat(meta.retained()).isEmpty();
  }

  @Test
  void one_message_deletes_the_message_and_its_attachments_only() {
    ScopeReach message = ScopeReach.of(map, map.scope("message").orElseThrow());

    assertThat(message.deleted()).containsExactly("messages", "attachments");
    assertThat(message.unlinked()).isEmpty();
  }
}
