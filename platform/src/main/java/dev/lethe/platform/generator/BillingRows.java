package dev.lethe.platform.generator;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The business side of a workspace: API keys, subscription and credits, invoices (kept for years),
 * audit logs and anonymous daily analytics.
 */
final class BillingRows {

  private static final long S = 500;
  static final long CREDIT_TRANSACTIONS_PER_WORKSPACE = 6;
  static final long INVOICES_PER_WORKSPACE = 12;
  static final long AUDIT_LOGS_PER_WORKSPACE = 20;
  static final long ANALYTICS_DAYS = 30;

  private final Layout layout;
  private final Mix mix;

  BillingRows(Layout layout) {
    this.layout = layout;
    this.mix = layout.mix;
  }

  void apiKeys(Tables tables) {
    try (RowSink out =
        tables.open(
            "api_keys",
            layout.workspaces,
            "id",
            "workspace_id",
            "created_by_account_id",
            "name",
            "key_hash",
            "prefix",
            "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        out.row(
            w,
            w,
            mix.percent(S, w, 1, 80) ? layout.owner(w) : layout.member(w, 1),
            "Production",
            mix.hex(S, w, 2, 64),
            "lk_" + mix.hex(S, w, 3, 6),
            layout.at(layout.workspaceCreatedAt(w) + 5 * Layout.DAY));
      }
    }
  }

  void subscriptions(Tables tables) {
    try (RowSink out =
        tables.open(
            "subscriptions",
            layout.workspaces,
            "id",
            "workspace_id",
            "plan",
            "status",
            "started_at",
            "renews_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        boolean active = mix.percent(S + 1, w, 1, 85);
        out.row(
            w,
            w,
            mix.pick(S + 1, w, 2, Texts.PLANS),
            active ? "active" : "cancelled",
            layout.at(layout.workspaceCreatedAt(w)),
            active ? layout.at(layout.now + mix.below(S + 1, w, 3, 30 * Layout.DAY)) : null);
      }
    }
  }

  void credits(Tables tables) {
    try (RowSink out = tables.open("credits", layout.workspaces, "id", "workspace_id", "balance")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        out.row(w, w, (long) mix.below(S + 2, w, 1, 50_000));
      }
    }
  }

  void creditTransactions(Tables tables) {
    long count = layout.workspaces * CREDIT_TRANSACTIONS_PER_WORKSPACE;
    try (RowSink out =
        tables.open(
            "credit_transactions", count, "id", "workspace_id", "amount", "reason", "created_at")) {
      for (long id = 1; id <= count; id++) {
        boolean topUp = id % CREDIT_TRANSACTIONS_PER_WORKSPACE == 1;
        out.row(
            id,
            (id - 1) / CREDIT_TRANSACTIONS_PER_WORKSPACE + 1,
            topUp ? 10_000L : -(long) (1 + mix.below(S + 3, id, 1, 2_000)),
            topUp ? "top-up" : "ai usage",
            layout.at(layout.daysAgo(S + 3, id, 2, 1, 700)));
      }
    }
  }

  /** Monthly invoices addressed to the workspace owner, the oldest about a year back. */
  void invoices(Tables tables) {
    long count = layout.workspaces * INVOICES_PER_WORKSPACE;
    try (RowSink out =
        tables.open(
            "invoices",
            count,
            "id",
            "workspace_id",
            "account_id",
            "number",
            "customer_name",
            "customer_email",
            "billing_address",
            "tax_id",
            "amount_cents",
            "currency",
            "issued_at")) {
      for (long id = 1; id <= count; id++) {
        long w = (id - 1) / INVOICES_PER_WORKSPACE + 1;
        long month = (id - 1) % INVOICES_PER_WORKSPACE;
        long owner = layout.owner(w);
        long issued = layout.now - (month * 30 + 1) * Layout.DAY;
        out.row(
            id,
            w,
            owner,
            "INV-"
                + LocalDate.ofEpochDay(issued / Layout.DAY).getYear()
                + "-"
                + String.format("%07d", id),
            layout.accountName(owner),
            layout.accountEmail(owner),
            layout.people.address(layout.accountPerson(owner)),
            mix.percent(S + 4, w, 1, 50) ? "0" + mix.digits(S + 4, w, 2, 14) : null,
            (long) (29 + mix.below(S + 4, id, 3, 300)) * 100,
            "USD",
            layout.at(issued));
      }
    }
  }

  void auditLogs(Tables tables) {
    long count = layout.workspaces * AUDIT_LOGS_PER_WORKSPACE;
    try (RowSink out =
        tables.open(
            "audit_logs",
            count,
            "id",
            "workspace_id",
            "actor_account_id",
            "actor_email",
            "action",
            "ip_address",
            "details",
            "created_at")) {
      for (long id = 1; id <= count; id++) {
        long w = (id - 1) / AUDIT_LOGS_PER_WORKSPACE + 1;
        long actor = layout.someMember(w, S + 5, id);
        String action = mix.pick(S + 5, id, 1, Texts.AUDIT_ACTIONS);
        out.row(
            id,
            w,
            actor,
            layout.accountEmail(actor),
            action,
            layout.people.ipAddress(S + 5, id),
            "{\"action\":\"" + action + "\",\"via\":\"dashboard\"}",
            layout.at(layout.daysAgo(S + 5, id, 2, 0, 700)));
      }
    }
  }

  void analyticsDaily(Tables tables) {
    long count = layout.workspaces * ANALYTICS_DAYS;
    LocalDate today = LocalDate.ofInstant(layout.at(layout.now), ZoneOffset.UTC);
    try (RowSink out =
        tables.open(
            "analytics_daily",
            count,
            "id",
            "workspace_id",
            "bot_id",
            "stats_day",
            "conversations",
            "messages")) {
      for (long id = 1; id <= count; id++) {
        long w = (id - 1) / ANALYTICS_DAYS + 1;
        int conversations = mix.below(S + 6, id, 1, 200);
        out.row(
            id,
            w,
            layout.bots.first(w),
            today.minusDays((id - 1) % ANALYTICS_DAYS + 1),
            conversations,
            conversations * (2 + mix.below(S + 6, id, 2, 12)));
      }
    }
  }
}
