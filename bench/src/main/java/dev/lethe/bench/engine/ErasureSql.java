package dev.lethe.bench.engine;

import dev.lethe.platform.ReferencePlatform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An erasure written by hand for the reference platform, as its developers would: the statements in
 * foreign-key order, the root table the cascading variant deletes from, and for each table the SQL
 * expression naming the subject a row belongs to (over alias {@code t}), used to check that the
 * subject's rows are gone and everyone else's untouched.
 *
 * @param ignoredColumns columns of rows outside the subject that the erasure may rightly change (a
 *     detached reference), left out of the untouched check
 */
record ErasureSql(
    String root,
    List<Step> steps,
    Map<String, String> owners,
    Map<String, List<String>> ignoredColumns) {

  /** Erasing workspace {@code ?}: everything in it; retained rows anonymized, links detached. */
  static ErasureSql workspace() {
    String ws = "workspace_id = ?";
    List<Step> steps =
        List.of(
            Step.update(
                "accounts", "default_workspace_id = NULL", "default_workspace_id = ?", true),
            Step.update(
                "analytics_daily",
                "bot_id = NULL",
                "bot_id IN (SELECT id FROM bots WHERE workspace_id = ?)",
                false),
            Step.update("analytics_daily", "workspace_id = NULL", ws, false),
            Step.update(
                "invoices",
                "customer_name = 'Deleted customer', customer_email = HASH(customer_email),"
                    + " billing_address = NULL, tax_id = NULL, workspace_id = NULL, account_id = NULL",
                ws,
                false),
            Step.update(
                "audit_logs",
                "actor_email = HASH(actor_email), ip_address = NULL, details = NULL,"
                    + " workspace_id = NULL, actor_account_id = NULL",
                ws,
                false),
            Step.delete(
                "kb_embeddings",
                "chunk_id IN (SELECT c.id FROM kb_chunks c JOIN kb_documents d"
                    + " ON d.id = c.document_id WHERE d.workspace_id = ?)"),
            Step.delete(
                "kb_chunks", "document_id IN (SELECT id FROM kb_documents WHERE workspace_id = ?)"),
            Step.delete("kb_documents", ws),
            Step.delete("attachments", ws),
            Step.delete("messages", ws),
            Step.delete("ai_call_logs", ws),
            Step.delete("conversations", ws),
            Step.delete("contact_labels", ws),
            Step.delete("notes", ws),
            Step.delete("reorder_cycles", ws),
            Step.delete(
                "order_items", "order_id IN (SELECT id FROM orders WHERE workspace_id = ?)"),
            Step.delete("orders", ws),
            Step.delete("customer_memories", ws),
            Step.delete("contacts", ws),
            Step.delete("triggers", ws),
            Step.delete("flows", ws),
            Step.delete("sequences", ws),
            Step.delete("broadcasts", ws),
            Step.delete("templates", ws),
            Step.delete("channels", ws),
            Step.delete("api_keys", ws),
            Step.delete("subscriptions", ws),
            Step.delete("credits", ws),
            Step.delete("credit_transactions", ws),
            Step.delete("memberships", ws),
            Step.delete("bots", ws),
            Step.delete("workspaces", "id = ?"));
    Map<String, String> owners = new LinkedHashMap<>();
    for (String table : ReferencePlatform.TABLES) {
      owners.put(table, "t.workspace_id");
    }
    owners.put("workspaces", "t.id");
    owners.put("order_items", "(SELECT o.workspace_id FROM orders o WHERE o.id = t.order_id)");
    owners.put(
        "kb_chunks", "(SELECT d.workspace_id FROM kb_documents d WHERE d.id = t.document_id)");
    owners.put(
        "kb_embeddings",
        "(SELECT d.workspace_id FROM kb_chunks c JOIN kb_documents d ON d.id = c.document_id"
            + " WHERE c.id = t.chunk_id)");
    for (String outside :
        List.of("accounts", "sessions", "oauth_tokens", "notifications", "referral_codes")) {
      owners.put(outside, "0");
    }
    return new ErasureSql(
        "workspaces",
        steps,
        Map.copyOf(owners),
        Map.of("accounts", List.of("default_workspace_id")));
  }

  /** Erasing contact {@code ?}: their conversations, messages, media, orders, memory, AI logs. */
  static ErasureSql contact() {
    String ofContact = "contact_id = ?";
    String conversations = "(SELECT id FROM conversations WHERE contact_id = ?)";
    List<Step> steps =
        List.of(
            // ai_call_logs.conversation_id has no foreign key: no cascade reaches these rows
            Step.deleteUnlinked("ai_call_logs", "conversation_id IN " + conversations),
            Step.delete(
                "attachments",
                "message_id IN (SELECT m.id FROM messages m JOIN conversations c"
                    + " ON c.id = m.conversation_id WHERE c.contact_id = ?)"),
            Step.delete("messages", "conversation_id IN " + conversations),
            Step.delete("conversations", ofContact),
            Step.delete("contact_labels", ofContact),
            Step.delete("notes", ofContact),
            Step.delete("reorder_cycles", ofContact),
            Step.delete("order_items", "order_id IN (SELECT id FROM orders WHERE contact_id = ?)"),
            Step.delete("orders", ofContact),
            Step.delete("customer_memories", ofContact),
            Step.delete("contacts", "id = ?"));
    Map<String, String> owners = new LinkedHashMap<>();
    for (String table : ReferencePlatform.TABLES) {
      owners.put(table, "0");
    }
    for (String table :
        List.of(
            "contact_labels",
            "notes",
            "orders",
            "reorder_cycles",
            "customer_memories",
            "conversations")) {
      owners.put(table, "t.contact_id");
    }
    owners.put("contacts", "t.id");
    owners.put(
        "messages", "(SELECT c.contact_id FROM conversations c WHERE c.id = t.conversation_id)");
    owners.put(
        "attachments",
        "(SELECT c.contact_id FROM messages m JOIN conversations c ON c.id = m.conversation_id"
            + " WHERE m.id = t.message_id)");
    owners.put(
        "ai_call_logs",
        "COALESCE((SELECT c.contact_id FROM conversations c WHERE c.id = t.conversation_id), 0)");
    owners.put("order_items", "(SELECT o.contact_id FROM orders o WHERE o.id = t.order_id)");
    return new ErasureSql("contacts", steps, Map.copyOf(owners), Map.of());
  }
}
