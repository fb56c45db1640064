package dev.lethe.server;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the reference map's {@code meta_platform} scope erases for one Meta user, read from the host
 * before the erasure: the channels they connected with the conversations, messages, attachments and
 * AI logs that came through them, and their Meta tokens are deleted; contacts who came through
 * those channels lose their page-scoped ids; the user's account loses its Meta id.
 */
record MetaUserReach(
    Map<String, Set<String>> deleted, Map<String, HostRows.Nulled> nulled, Set<String> files) {

  private static final String CHANNELS =
      " join channels ch on ch.id = c.channel_id where ch.connected_by_meta_user_id = ?";

  static MetaUserReach of(DataSource host, String metaUser) {
    Map<String, Set<String>> deleted = new LinkedHashMap<>();
    deleted.put(
        "channels",
        ids(host, "select id from channels where connected_by_meta_user_id = ?", metaUser));
    deleted.put(
        "conversations", ids(host, "select c.id from conversations c" + CHANNELS, metaUser));
    String messages = " join conversations c on c.id = m.conversation_id" + CHANNELS;
    deleted.put("messages", ids(host, "select m.id from messages m" + messages, metaUser));
    String attachments = " from attachments a join messages m on m.id = a.message_id" + messages;
    deleted.put("attachments", ids(host, "select a.id" + attachments, metaUser));
    deleted.put(
        "ai_call_logs",
        ids(
            host,
            "select l.id from ai_call_logs l join conversations c on c.id = l.conversation_id"
                + CHANNELS,
            metaUser));
    deleted.put(
        "oauth_tokens",
        ids(host, "select id from oauth_tokens where provider_user_id = ?", metaUser));
    Map<String, HostRows.Nulled> nulled =
        Map.of(
            "contacts",
            new HostRows.Nulled(
                ids(
                    host,
                    "select ct.id from contacts ct join channels ch on ch.id = ct.channel_id"
                        + " where ch.connected_by_meta_user_id = ?",
                    metaUser),
                List.of("psid", "igsid", "channel_id")),
            "accounts",
            new HostRows.Nulled(
                ids(host, "select id from accounts where meta_user_id = ?", metaUser),
                List.of("meta_user_id")));
    Set<String> files =
        new HashSet<>(
            Sql.strings(
                host,
                "select a.storage_key" + attachments + " and a.storage_key is not null",
                metaUser));
    return new MetaUserReach(deleted, nulled, files);
  }

  private static Set<String> ids(DataSource host, String sql, String metaUser) {
    return new HashSet<>(Sql.strings(host, sql, metaUser));
  }
}
