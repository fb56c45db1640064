package dev.lethe.server.console.privacy;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.datamap.IdentityColumn;
import dev.lethe.core.datamap.ScopeRoot;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.schema.Vendor;
import dev.lethe.server.config.Databases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Reads of the host's tables that staff need to decide what to delete — a workspace's bots and end
 * users, one end user's messages, a workspace's activity log — found through the data map's scopes
 * ({@code bot_users}, {@code contact}, {@code message}, {@code activity_log}). Only what the pages
 * show is read; deleting always goes through a request.
 */
@Component
public class HostDirectory {

  public static final String BOT_USERS = "bot_users";
  public static final String CONTACT = "contact";
  public static final String MESSAGE = "message";
  public static final String ACTIVITY_LOG = "activity_log";

  /** An end user as the pages show them; {@code name} only when it may be shown. */
  public record EndUser(String id, String name, String bot, Instant firstSeen) {}

  public record Bot(String id, String name) {}

  public record Message(
      String id, String conversation, Instant at, String direction, String body) {}

  public record LogEntry(String id, Instant at, String action) {}

  private final DSLContext dsl;
  private final DataMap map;

  HostDirectory(Databases databases, Lethe lethe) {
    this.dsl = Vendor.ofUrl(databases.host().getJdbcUrl()).dsl(databases.host());
    this.map = lethe.dataMap();
  }

  private ScopeRoot root(String scope) {
    return map.scope(scope)
        .orElseThrow(() -> new IllegalStateException("the data map has no scope " + scope))
        .roots()
        .getFirst();
  }

  private Entity entity(String scope) {
    return map.entity(root(scope).entity());
  }

  private static Table<Record> table(Entity e) {
    return DSL.table(DSL.name(e.table()));
  }

  private static Field<Object> field(String column) {
    return DSL.field(DSL.name(column));
  }

  private static Condition inTenant(Entity e, String workspace) {
    return field(e.tenant().orElseThrow()).cast(String.class).eq(workspace);
  }

  /** The workspace's bots: the entity the {@code bot} filter of {@code bot_users} points at. */
  public List<Bot> bots(String workspace) {
    Entity users = entity(BOT_USERS);
    String botColumn = root(BOT_USERS).filters().get("bot").column();
    Entity bots =
        users.parents().stream()
            .filter(r -> r.column().equals(botColumn))
            .findFirst()
            .map(r -> map.entity(r.parent()))
            .orElseThrow();
    return dsl.select(field(bots.key()), field("name"))
        .from(table(bots))
        .where(inTenant(bots, workspace))
        .orderBy(field(bots.key()))
        .fetch(r -> new Bot(String.valueOf(r.value1()), String.valueOf(r.value2())));
  }

  private Condition botUsers(String workspace, Optional<String> bot, LocalDate from, LocalDate to) {
    Entity users = entity(BOT_USERS);
    ScopeRoot root = root(BOT_USERS);
    Condition where = inTenant(users, workspace);
    if (bot.isPresent()) {
      where = where.and(field(root.filters().get("bot").column()).cast(String.class).eq(bot.get()));
    }
    Field<Object> first = field(root.filters().get("first_conversation").column());
    return where.and(first.ge(DSL.inline(start(from)))).and(first.lt(DSL.inline(start(to))));
  }

  private static OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  public long countBotUsers(String workspace, Optional<String> bot, LocalDate from, LocalDate to) {
    return dsl.fetchCount(
        DSL.selectOne().from(table(entity(BOT_USERS))).where(botUsers(workspace, bot, from, to)));
  }

  /** The first {@code limit} matching end users, names only when {@code withNames}. */
  public List<EndUser> botUsers(
      String workspace,
      Optional<String> bot,
      LocalDate from,
      LocalDate to,
      boolean withNames,
      int limit) {
    Entity users = entity(BOT_USERS);
    ScopeRoot root = root(BOT_USERS);
    Field<Object> first = field(root.filters().get("first_conversation").column());
    return dsl.select(
            field(users.key()), field("name"), field(root.filters().get("bot").column()), first)
        .from(table(users))
        .where(botUsers(workspace, bot, from, to))
        .orderBy(first, field(users.key()))
        .limit(limit)
        .fetch(r -> endUser(r, withNames));
  }

  /**
   * End users of the workspace found by name (a part of it, any case) or by an identifier in the
   * column of that kind.
   */
  public List<EndUser> search(
      String workspace, String by, String text, Identity identity, boolean withNames) {
    Entity contacts = entity(CONTACT);
    Condition match;
    if (by.equals("name")) {
      match =
          DSL.lower(field("name").cast(String.class))
              .contains(text.strip().toLowerCase(Locale.ROOT));
    } else {
      List<Condition> any = new ArrayList<>();
      for (IdentityColumn column : contacts.identities()) {
        if (column.kind() == identity.kind()
            || (identity.kind() == IdentityKind.PHONE && column.kind() == IdentityKind.WA_ID)) {
          String value =
              column.kind() == IdentityKind.WA_ID && identity.kind() == IdentityKind.PHONE
                  ? identity.value().replace("+", "")
                  : identity.value();
          any.add(field(column.column()).cast(String.class).eq(value));
        }
      }
      match = any.isEmpty() ? DSL.falseCondition() : DSL.or(any);
    }
    Entity users = contacts;
    ScopeRoot botRoot = root(BOT_USERS);
    return dsl.select(
            field(users.key()),
            field("name"),
            field(botRoot.filters().get("bot").column()),
            field(botRoot.filters().get("first_conversation").column()))
        .from(table(users))
        .where(inTenant(users, workspace).and(match))
        .orderBy(field(users.key()))
        .limit(50)
        .fetch(r -> endUser(r, withNames));
  }

  /** Whether the end user is in the workspace. */
  public boolean hasEndUser(String workspace, String id) {
    Entity contacts = entity(CONTACT);
    return dsl.fetchExists(
        DSL.selectOne()
            .from(table(contacts))
            .where(
                inTenant(contacts, workspace)
                    .and(field(contacts.key()).cast(String.class).eq(id))));
  }

  /** The end user's messages, newest first, through the data map's relations. */
  public List<Message> messages(String workspace, String contactId, boolean withBodies) {
    Entity messages = entity(MESSAGE);
    var toConversation =
        messages.parents().stream()
            .filter(
                r ->
                    map.entity(r.parent()).parents().stream()
                        .anyMatch(p -> p.parent().equals(entity(CONTACT).name())))
            .findFirst()
            .orElseThrow();
    Entity conversations = map.entity(toConversation.parent());
    String contactColumn =
        conversations.parents().stream()
            .filter(p -> p.parent().equals(entity(CONTACT).name()))
            .findFirst()
            .orElseThrow()
            .column();
    return dsl.select(
            field(messages.key()),
            field(toConversation.column()),
            field("created_at"),
            field("direction"),
            field("body"))
        .from(table(messages))
        .where(
            inTenant(messages, workspace)
                .and(
                    field(toConversation.column())
                        .in(
                            DSL.select(field(conversations.key()))
                                .from(table(conversations))
                                .where(field(contactColumn).cast(String.class).eq(contactId)))))
        .orderBy(field("created_at").desc())
        .limit(200)
        .fetch(
            r ->
                new Message(
                    String.valueOf(r.value1()),
                    String.valueOf(r.value2()),
                    HostValues.instant(r.value3()),
                    String.valueOf(r.value4()),
                    withBodies ? HostValues.abbreviated(r.value5()) : ""));
  }

  public boolean hasMessage(String workspace, String id) {
    Entity messages = entity(MESSAGE);
    return dsl.fetchExists(
        DSL.selectOne()
            .from(table(messages))
            .where(
                inTenant(messages, workspace)
                    .and(field(messages.key()).cast(String.class).eq(id))));
  }

  /** The workspace's activity log, newest first: what was done and when, no actor details. */
  public List<LogEntry> activity(String workspace, int limit) {
    Entity logs = entity(ACTIVITY_LOG);
    String since = logs.retained().map(r -> r.since()).orElse("created_at");
    return dsl.select(field(logs.key()), field(since), field("action"))
        .from(table(logs))
        .where(inTenant(logs, workspace))
        .orderBy(field(since).desc(), field(logs.key()).desc())
        .limit(limit)
        .fetch(
            r ->
                new LogEntry(
                    String.valueOf(r.value1()),
                    HostValues.instant(r.value2()),
                    String.valueOf(r.value3())));
  }

  public long countActivity(String workspace, List<String> ids) {
    Entity logs = entity(ACTIVITY_LOG);
    return dsl.fetchCount(
        DSL.selectOne()
            .from(table(logs))
            .where(inTenant(logs, workspace).and(field(logs.key()).cast(String.class).in(ids))));
  }

  private static EndUser endUser(Record4<Object, Object, Object, Object> r, boolean withNames) {
    return new EndUser(
        String.valueOf(r.value1()),
        withNames ? String.valueOf(r.value2()) : HostValues.masked(r.value2()),
        r.value3() == null ? "" : String.valueOf(r.value3()),
        HostValues.instant(r.value4()));
  }
}
