package dev.lethe.platform.generator;

/**
 * Conversations with contacts, their messages, attachments and the AI calls made while answering.
 * Every table walks workspaces, contacts and conversations in id order, so nothing is looked up.
 */
final class ConversationRows {

  private static final long S = 400;
  static final long MESSAGES_PER_ATTACHMENT = 20;

  private final Layout layout;
  private final Mix mix;
  private final FileStore files;

  ConversationRows(Layout layout, FileStore files) {
    this.layout = layout;
    this.mix = layout.mix;
    this.files = files;
  }

  /** Called for each conversation with its workspace, contact, channel (0: none) and bot (0). */
  @FunctionalInterface
  private interface ConversationVisitor {
    void visit(long conversation, long workspace, long contact, long channel, long bot);
  }

  private void eachConversation(ConversationVisitor visitor) {
    Spread conversations = layout.conversations;
    for (long w = 1; w <= layout.workspaces; w++) {
      long end = layout.contacts.first(w) + layout.contacts.count(w);
      for (long c = layout.contacts.first(w); c < end; c++) {
        long channel = layout.contactChannel(c, w);
        long bot = layout.contactBot(c, w);
        long last = conversations.first(c) + conversations.count(c);
        for (long j = conversations.first(c); j < last; j++) {
          visitor.visit(j, w, c, channel, bot);
        }
      }
    }
  }

  private static Long orNull(long id) {
    return id == 0 ? null : id;
  }

  void conversations(Tables tables) {
    try (RowSink out =
        tables.open(
            "conversations",
            layout.conversations.total(),
            "id",
            "workspace_id",
            "contact_id",
            "channel_id",
            "bot_id",
            "status",
            "started_at")) {
      eachConversation(
          (j, w, c, channel, bot) ->
              out.row(
                  j,
                  w,
                  c,
                  orNull(channel),
                  orNull(bot),
                  mix.pick(S, j, 1, new String[] {"closed", "closed", "open", "pending"}),
                  layout.at(layout.conversationStartedAt(j))));
    }
  }

  void messages(Tables tables) {
    Spread messages = layout.messages;
    try (RowSink out =
        tables.open(
            "messages",
            messages.total(),
            "id",
            "workspace_id",
            "conversation_id",
            "direction",
            "sender_type",
            "body",
            "created_at")) {
      eachConversation(
          (j, w, c, channel, bot) -> {
            long first = messages.first(j);
            long started = layout.conversationStartedAt(j);
            long gap = layout.messageGapSeconds(j);
            for (long m = first; m < first + messages.count(j); m++) {
              boolean inbound = (m - first) % 2 == 0;
              int phrase = mix.below(S + 1, m, 1, Texts.INBOUND.length);
              out.row(
                  m,
                  w,
                  j,
                  inbound ? "in" : "out",
                  inbound ? "contact" : bot != 0 && mix.percent(S + 1, m, 2, 80) ? "bot" : "agent",
                  inbound ? Texts.INBOUND[phrase] : Texts.OUTBOUND[phrase],
                  layout.at(started + (m - first) * gap));
            }
          });
    }
  }

  /** One attachment on every twentieth message. */
  void attachments(Tables tables) {
    Spread messages = layout.messages;
    try (RowSink out =
        tables.open(
            "attachments",
            messages.total() / MESSAGES_PER_ATTACHMENT,
            "id",
            "workspace_id",
            "message_id",
            "storage_key",
            "mime_type",
            "size_bytes",
            "created_at")) {
      eachConversation(
          (j, w, c, channel, bot) -> {
            long first = messages.first(j);
            long end = first + messages.count(j);
            long m =
                ((first + MESSAGES_PER_ATTACHMENT - 1) / MESSAGES_PER_ATTACHMENT)
                    * MESSAGES_PER_ATTACHMENT;
            for (; m < end; m += MESSAGES_PER_ATTACHMENT) {
              long id = m / MESSAGES_PER_ATTACHMENT;
              int kind = mix.below(S + 2, id, 1, Texts.MIME_TYPES.length);
              String key =
                  "ws/"
                      + w
                      + "/attachments/"
                      + id
                      + "-"
                      + mix.hex(S + 2, id, 2, 10)
                      + "."
                      + Texts.EXTENSIONS[kind];
              files.write(key);
              out.row(
                  id,
                  w,
                  m,
                  key,
                  Texts.MIME_TYPES[kind],
                  (long) (2_000 + mix.below(S + 2, id, 3, 2_000_000)),
                  layout.at(layout.messageCreatedAt(j, m)));
            }
          });
    }
  }

  /** One AI call per conversation; its conversation id is a reference without a foreign key. */
  void aiCallLogs(Tables tables) {
    try (RowSink out =
        tables.open(
            "ai_call_logs",
            layout.conversations.total(),
            "id",
            "workspace_id",
            "bot_id",
            "conversation_id",
            "prompt",
            "response",
            "model",
            "tokens",
            "created_at")) {
      eachConversation(
          (j, w, c, channel, bot) -> {
            int phrase = mix.below(S + 3, j, 1, Texts.INBOUND.length);
            out.row(
                j,
                w,
                orNull(bot),
                j,
                "System: You are a friendly sales assistant.\nUser: " + Texts.INBOUND[phrase],
                Texts.OUTBOUND[phrase],
                mix.pick(S + 3, j, 2, Texts.MODELS),
                200 + mix.below(S + 3, j, 3, 1800),
                layout.at(layout.conversationStartedAt(j) + 30));
          });
    }
  }
}
