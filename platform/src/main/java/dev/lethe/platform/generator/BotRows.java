package dev.lethe.platform.generator;

import java.math.BigDecimal;

/** What a workspace builds: bots, flows, broadcasts, channels and the bots' knowledge bases. */
final class BotRows {

  private static final long S = 200;
  static final long FLOWS_PER_BOT = 2;
  static final long TRIGGERS_PER_FLOW = 2;
  static final long DOCUMENTS_PER_BOT = 2;
  static final long CHUNKS_PER_DOCUMENT = 4;

  private final Layout layout;
  private final Mix mix;
  private final FileStore files;

  BotRows(Layout layout, FileStore files) {
    this.layout = layout;
    this.mix = layout.mix;
    this.files = files;
  }

  private long botCount() {
    return layout.bots.total();
  }

  void bots(Tables tables) {
    try (RowSink out =
        tables.open(
            "bots",
            botCount(),
            "id",
            "workspace_id",
            "name",
            "system_prompt",
            "model",
            "temperature",
            "created_at")) {
      for (long b = 1; b <= botCount(); b++) {
        long w = layout.bots.groupOf(b);
        out.row(
            b,
            w,
            "Assistant " + (b - layout.bots.first(w) + 1),
            "You are a friendly sales assistant. Answer in the customer's language, keep replies"
                + " short, and hand over to a human for complaints.",
            mix.pick(S, b, 1, Texts.MODELS),
            BigDecimal.valueOf(20 + mix.below(S, b, 2, 60), 2),
            layout.at(layout.workspaceCreatedAt(w) + Layout.DAY));
      }
    }
  }

  void flows(Tables tables) {
    long count = botCount() * FLOWS_PER_BOT;
    try (RowSink out =
        tables.open("flows", count, "id", "workspace_id", "bot_id", "name", "definition")) {
      for (long f = 1; f <= count; f++) {
        long bot = (f - 1) / FLOWS_PER_BOT + 1;
        out.row(
            f,
            layout.bots.groupOf(bot),
            bot,
            f % 2 == 1 ? "Welcome" : "Order status",
            "{\"nodes\":[{\"type\":\"message\",\"text\":\"Hi! How can we help?\"},"
                + "{\"type\":\"ai\",\"fallback\":\"handover\"}]}");
      }
    }
  }

  void triggers(Tables tables) {
    long count = botCount() * FLOWS_PER_BOT * TRIGGERS_PER_FLOW;
    try (RowSink out = tables.open("triggers", count, "id", "workspace_id", "flow_id", "keyword")) {
      for (long t = 1; t <= count; t++) {
        long flow = (t - 1) / TRIGGERS_PER_FLOW + 1;
        long bot = (flow - 1) / FLOWS_PER_BOT + 1;
        out.row(t, layout.bots.groupOf(bot), flow, t % 2 == 1 ? "halo" : "order");
      }
    }
  }

  void sequences(Tables tables) {
    try (RowSink out =
        tables.open("sequences", layout.workspaces, "id", "workspace_id", "name", "steps")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        out.row(
            w,
            w,
            "Abandoned cart",
            "[{\"after_hours\":1,\"template\":\"reminder\"},{\"after_hours\":24,\"template\":\"promo\"}]");
      }
    }
  }

  void broadcasts(Tables tables) {
    long count = layout.workspaces * 2L;
    try (RowSink out =
        tables.open(
            "broadcasts",
            count,
            "id",
            "workspace_id",
            "name",
            "body",
            "created_by_account_id",
            "scheduled_at")) {
      for (long id = 1; id <= count; id++) {
        long w = (id + 1) / 2;
        out.row(
            id,
            w,
            id % 2 == 1 ? "Ramadan sale" : "New arrivals",
            "Diskon 20% untuk semua produk minggu ini!",
            layout.someMember(w, S + 1, id),
            layout.at(layout.daysAgo(S + 1, id, 1, 1, 300)));
      }
    }
  }

  void templates(Tables tables) {
    long count = layout.workspaces * 3L;
    try (RowSink out =
        tables.open("templates", count, "id", "workspace_id", "name", "language", "body")) {
      for (long id = 1; id <= count; id++) {
        long kind = (id - 1) % 3;
        out.row(
            id,
            (id + 2) / 3,
            kind == 0 ? "order_confirmation" : kind == 1 ? "reminder" : "promo",
            kind == 2 ? "en_US" : "id",
            "Halo {{1}}, pesanan {{2}} sudah kami terima.");
      }
    }
  }

  void channels(Tables tables) {
    try (RowSink out =
        tables.open(
            "channels",
            layout.channels.total(),
            "id",
            "workspace_id",
            "type",
            "external_id",
            "display_name",
            "phone_number",
            "access_token_enc",
            "connected_by_meta_user_id",
            "created_at")) {
      for (long c = 1; c <= layout.channels.total(); c++) {
        long w = layout.channels.groupOf(c);
        String type = layout.channelType(c);
        String externalId =
            switch (type) {
              case Layout.WHATSAPP -> "1" + mix.digits(S + 2, c, 1, 14);
              case Layout.INSTAGRAM -> "1784" + mix.digits(S + 2, c, 1, 13);
              case Layout.MESSENGER -> "1" + mix.digits(S + 2, c, 1, 14);
              default -> "shop" + w + "_bot";
            };
        String connectedBy = null;
        if (!type.equals(Layout.TELEGRAM)) {
          connectedBy = layout.metaUserId(layout.owner(w));
          if (connectedBy == null) {
            connectedBy = layout.metaUserId(layout.member(w, 1));
          }
        }
        out.row(
            c,
            w,
            type,
            externalId,
            layout.businessName(w),
            type.equals(Layout.WHATSAPP) ? layout.people.phone(layout.businessPerson(w)) : null,
            "v1:" + mix.hex(S + 2, c, 2, 96),
            connectedBy,
            layout.at(layout.workspaceCreatedAt(w) + 2 * Layout.DAY));
      }
    }
  }

  void kbDocuments(Tables tables) {
    long count = botCount() * DOCUMENTS_PER_BOT;
    try (RowSink out =
        tables.open(
            "kb_documents",
            count,
            "id",
            "workspace_id",
            "bot_id",
            "title",
            "storage_key",
            "created_at")) {
      for (long d = 1; d <= count; d++) {
        long bot = (d - 1) / DOCUMENTS_PER_BOT + 1;
        long w = layout.bots.groupOf(bot);
        String key = "ws/" + w + "/kb/" + d + "-" + mix.hex(S + 3, d, 1, 8) + ".pdf";
        files.write(key);
        out.row(
            d,
            w,
            bot,
            d % 2 == 1 ? "Price list" : "FAQ and return policy",
            key,
            layout.at(layout.workspaceCreatedAt(w) + 3 * Layout.DAY));
      }
    }
  }

  void kbChunks(Tables tables) {
    long count = botCount() * DOCUMENTS_PER_BOT * CHUNKS_PER_DOCUMENT;
    try (RowSink out =
        tables.open("kb_chunks", count, "id", "document_id", "position", "content")) {
      for (long k = 1; k <= count; k++) {
        out.row(
            k,
            (k - 1) / CHUNKS_PER_DOCUMENT + 1,
            (int) ((k - 1) % CHUNKS_PER_DOCUMENT),
            "Returns are accepted within 7 days with the receipt. Shipping is free above Rp300.000.");
      }
    }
  }

  void kbEmbeddings(Tables tables) {
    long count = botCount() * DOCUMENTS_PER_BOT * CHUNKS_PER_DOCUMENT;
    try (RowSink out = tables.open("kb_embeddings", count, "id", "chunk_id", "model", "vector")) {
      StringBuilder vector = new StringBuilder(200);
      for (long e = 1; e <= count; e++) {
        vector.setLength(0);
        vector.append('[');
        for (int i = 0; i < 16; i++) {
          vector.append(i == 0 ? "" : ",");
          vector.append((mix.below(S + 4, e, i, 2000) - 1000) / 1000.0);
        }
        out.row(e, e, "text-embedding-3-small", vector.append(']').toString());
      }
    }
  }
}
