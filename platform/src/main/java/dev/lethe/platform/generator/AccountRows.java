package dev.lethe.platform.generator;

/** The product's own users: accounts, their sessions, workspaces and team memberships. */
final class AccountRows {

  private static final long S = 100;

  private final Layout layout;
  private final Mix mix;
  private final FileStore files;

  AccountRows(Layout layout, FileStore files) {
    this.layout = layout;
    this.mix = layout.mix;
    this.files = files;
  }

  void accounts(Tables tables) {
    try (RowSink out =
        tables.open(
            "accounts",
            layout.accounts,
            "id",
            "email",
            "name",
            "password_hash",
            "avatar_key",
            "meta_user_id",
            "locale",
            "created_at")) {
      for (long a = 1; a <= layout.accounts; a++) {
        String avatar =
            mix.percent(S, a, 1, 70) ? "avatars/" + a + "/" + mix.hex(S, a, 2, 12) + ".jpg" : null;
        files.write(avatar);
        out.row(
            a,
            layout.accountEmail(a),
            layout.accountName(a),
            "$2a$10$" + mix.hex(S, a, 3, 53),
            avatar,
            layout.metaUserId(a),
            layout.people.locale(layout.accountPerson(a)),
            layout.at(layout.accountCreatedAt(a)));
      }
    }
  }

  void sessions(Tables tables) {
    long perAccount = 2;
    try (RowSink out =
        tables.open(
            "sessions",
            layout.accounts * perAccount,
            "id",
            "account_id",
            "token_hash",
            "ip_address",
            "user_agent",
            "created_at",
            "expires_at")) {
      for (long id = 1; id <= layout.accounts * perAccount; id++) {
        long created = layout.daysAgo(S + 1, id, 1, 0, 90);
        out.row(
            id,
            (id - 1) / perAccount + 1,
            mix.hex(S + 1, id, 2, 64),
            layout.people.ipAddress(S + 1, id),
            mix.percent(S + 1, id, 3, 60)
                ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0"
                : "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1",
            layout.at(created),
            layout.at(created + 30 * Layout.DAY));
      }
    }
  }

  void workspaces(Tables tables) {
    try (RowSink out =
        tables.open(
            "workspaces", layout.workspaces, "id", "owner_account_id", "name", "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        out.row(
            w, layout.owner(w), layout.businessName(w), layout.at(layout.workspaceCreatedAt(w)));
      }
    }
  }

  void memberships(Tables tables) {
    try (RowSink out =
        tables.open(
            "memberships",
            layout.memberships.total(),
            "id",
            "workspace_id",
            "account_id",
            "role",
            "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        for (long i = 0; i < layout.memberCount(w); i++) {
          out.row(
              layout.memberships.first(w) + i,
              w,
              layout.member(w, i),
              i == 0 ? "owner" : i == 1 ? "admin" : "agent",
              layout.at(layout.workspaceCreatedAt(w) + i * Layout.DAY));
        }
      }
    }
  }

  void oauthTokens(Tables tables) {
    try (RowSink out =
        tables.open(
            "oauth_tokens",
            layout.accounts * 2,
            "id",
            "account_id",
            "provider",
            "provider_user_id",
            "access_token_enc",
            "refresh_token_enc",
            "expires_at")) {
      for (long id = 1; id <= layout.accounts * 2; id++) {
        long account = (id + 1) / 2;
        String meta = layout.metaUserId(account);
        String provider;
        String providerUser;
        if (id % 2 == 1) {
          provider = meta != null ? "meta" : "google";
          providerUser = meta != null ? meta : "1" + mix.digits(S + 3, id, 1, 20);
        } else {
          provider = mix.percent(S + 3, id, 2, 50) ? "anthropic" : "openai";
          providerUser = null;
        }
        out.row(
            id,
            account,
            provider,
            providerUser,
            "v1:" + mix.hex(S + 3, id, 3, 96),
            providerUser == null ? null : "v1:" + mix.hex(S + 3, id, 4, 64),
            layout.at(layout.now + 60 * Layout.DAY - mix.below(S + 3, id, 5, 90 * Layout.DAY)));
      }
    }
  }

  void notifications(Tables tables) {
    long count = layout.accounts * 3;
    try (RowSink out =
        tables.open(
            "notifications", count, "id", "account_id", "kind", "body", "read_at", "created_at")) {
      for (long id = 1; id <= count; id++) {
        long created = layout.daysAgo(S + 4, id, 1, 0, 400);
        String kind = mix.pick(S + 4, id, 2, Texts.NOTIFICATION_KINDS);
        out.row(
            id,
            (id + 2) / 3,
            kind,
            "Notification: " + kind.replace('_', ' '),
            mix.percent(S + 4, id, 3, 60) ? layout.at(created + 3600) : null,
            layout.at(created));
      }
    }
  }

  void referralCodes(Tables tables) {
    try (RowSink out =
        tables.open("referral_codes", layout.accounts, "id", "account_id", "code", "created_at")) {
      for (long a = 1; a <= layout.accounts; a++) {
        String letters = mix.hex(S + 5, a, 1, 4).toUpperCase(java.util.Locale.ROOT);
        out.row(a, a, "R" + letters + a, layout.at(layout.accountCreatedAt(a) + Layout.DAY));
      }
    }
  }
}
