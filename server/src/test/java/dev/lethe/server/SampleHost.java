package dev.lethe.server;

import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/** A host for the service: the reference platform, created and filled with generated data. */
final class SampleHost {

  private static final long SEED = 7;

  private SampleHost() {}

  static void fill(DataSource host, Sizes sizes, Path files) {
    ReferencePlatform.createSchema(host);
    new PlatformGenerator(sizes, SEED, PlatformGenerator.REFERENCE_NOW)
        .withFiles(files)
        .generate(host);
  }

  /** The Meta users who connected channels, the one with most messages through them first. */
  static List<String> metaUsersWithChannels(DataSource host) {
    return Sql.strings(
        host,
        "select ch.connected_by_meta_user_id from channels ch"
            + " left join conversations c on c.channel_id = ch.id"
            + " left join messages m on m.conversation_id = c.id"
            + " where ch.connected_by_meta_user_id is not null"
            + " group by ch.connected_by_meta_user_id"
            + " order by count(m.id) desc, ch.connected_by_meta_user_id");
  }

  static long channelsOf(DataSource host, String metaUser) {
    return Sql.count(
        host, "select count(*) from channels where connected_by_meta_user_id = ?", metaUser);
  }

  /** Conversations and messages that came through the Meta user's channels. */
  static long messagesOf(DataSource host, String metaUser) {
    return Sql.count(
        host,
        "select count(*) from messages m join conversations c on c.id = m.conversation_id"
            + " join channels ch on ch.id = c.channel_id"
            + " where ch.connected_by_meta_user_id = ?",
        metaUser);
  }
}
