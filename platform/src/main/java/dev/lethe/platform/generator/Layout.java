package dev.lethe.platform.generator;

import java.time.Instant;

/**
 * Which rows exist and how they hang together, as pure functions of the sizes and the seed: ids are
 * contiguous per parent, so every relation is computed, never remembered.
 */
final class Layout {

  static final long DAY = 86_400;

  /** Person numbers of accounts and of shared contacts live apart from contact ids. */
  private static final long ACCOUNT_PERSONS = 10_000_000_000L;

  private static final long SHARED_PERSONS = 5_000_000_000L;
  private static final long BUSINESS_PERSONS = 20_000_000_000L;

  private static final long S_WORKSPACE = 1;
  private static final long S_ACCOUNT = 2;
  private static final long S_CONTACT = 3;
  private static final long S_CONVERSATION = 4;
  private static final long S_SPREAD = 5;

  static final String WHATSAPP = "whatsapp";
  static final String INSTAGRAM = "instagram";
  static final String MESSENGER = "messenger";
  static final String TELEGRAM = "telegram";

  final Mix mix;
  final People people;
  final long now;
  final int workspaces;
  final long agentPool;
  final long accounts;

  final Spread memberships;
  final Spread bots;
  final Spread channels;
  final Spread contacts;
  final Spread conversations;
  final Spread messages;
  final Spread labels;
  final Spread notes;
  final Spread orders;
  final Spread orderItems;
  final Spread memories;

  Layout(PlatformGenerator.Sizes sizes, long seed, Instant now) {
    this.mix = new Mix(seed);
    this.people = new People(mix);
    this.now = now.getEpochSecond();
    this.workspaces = sizes.workspaces();
    this.agentPool = Math.max(2, workspaces / 2 + 1);
    this.accounts = workspaces + agentPool;
    long contactCount = sizes.contacts();
    this.memberships = Spread.counts(workspaces, w -> 1 + agentCount(w));
    this.bots = Spread.counts(workspaces, w -> 1 + mix.below(S_WORKSPACE, w, 1, 3));
    this.channels = Spread.counts(workspaces, w -> channelTypes(w).length);
    this.contacts = Spread.skewed(workspaces, contactCount);
    this.conversations =
        Spread.even(contactCount, contactCount + contactCount * 2 / 5, 1, mix, S_SPREAD * 10 + 1);
    this.messages = Spread.even(conversations.total(), sizes.messages(), 0, mix, S_SPREAD * 10 + 2);
    this.labels = Spread.even(contactCount, contactCount, 0, mix, S_SPREAD * 10 + 3);
    this.notes = Spread.even(contactCount, contactCount / 4, 0, mix, S_SPREAD * 10 + 4);
    this.orders = Spread.even(contactCount, contactCount / 3, 0, mix, S_SPREAD * 10 + 5);
    this.orderItems = Spread.even(orders.total(), orders.total() * 2, 1, mix, S_SPREAD * 10 + 6);
    this.memories = Spread.even(contactCount, contactCount * 2, 0, mix, S_SPREAD * 10 + 7);
  }

  Instant at(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond);
  }

  /** A moment between {@code fromDays} and {@code toDays} days before now. */
  long daysAgo(long stream, long id, int field, int fromDays, int toDays) {
    long span = (long) (toDays - fromDays) * DAY;
    return now - fromDays * DAY - (span <= 0 ? 0 : mix.below(stream, id, field, span));
  }

  // accounts and membership

  long accountPerson(long account) {
    return ACCOUNT_PERSONS + account;
  }

  String accountEmail(long account) {
    return people.email(accountPerson(account), account);
  }

  String accountName(long account) {
    return people.name(accountPerson(account));
  }

  /** The Meta app-scoped id of an account that logged in with Facebook, or null. */
  String metaUserId(long account) {
    return mix.percent(S_ACCOUNT, account, 1, 50)
        ? "10" + mix.digits(S_ACCOUNT, account, 2, 14)
        : null;
  }

  long accountCreatedAt(long account) {
    return daysAgo(S_ACCOUNT, account, 3, 740, 800);
  }

  long owner(long workspace) {
    return workspace;
  }

  private int agentCount(long workspace) {
    int wanted = 1 + mix.below(S_WORKSPACE, workspace, 2, 3);
    return workspaces == 1 ? Math.min(wanted, 2) : wanted;
  }

  /** Member {@code index} of a workspace: 0 is the owner, 1 an admin, then agents. */
  long member(long workspace, long index) {
    if (index == 0) {
      return owner(workspace);
    }
    if (index == 1) {
      return workspaces + 1 + (workspace - 1) % agentPool;
    }
    if (index == 2) {
      return workspaces + 1 + workspace % agentPool;
    }
    return workspace % workspaces + 1; // the owner of the next workspace works here as an agent
  }

  long memberCount(long workspace) {
    return memberships.count(workspace);
  }

  long someMember(long workspace, long stream, long id) {
    return member(workspace, mix.below(stream, id, 90, memberCount(workspace)));
  }

  long workspaceCreatedAt(long workspace) {
    return accountCreatedAt(owner(workspace)) + 3600;
  }

  long businessPerson(long workspace) {
    return BUSINESS_PERSONS + workspace;
  }

  String businessName(long workspace) {
    return people.lastName(businessPerson(workspace))
        + " "
        + mix.pick(S_WORKSPACE, workspace, 6, Texts.BUSINESS_KINDS);
  }

  // channels

  String[] channelTypes(long workspace) {
    boolean instagram = mix.percent(S_WORKSPACE, workspace, 3, 60);
    boolean messenger = mix.percent(S_WORKSPACE, workspace, 4, 50);
    boolean telegram = mix.percent(S_WORKSPACE, workspace, 5, 40);
    String[] types = new String[1 + (instagram ? 1 : 0) + (messenger ? 1 : 0) + (telegram ? 1 : 0)];
    int i = 0;
    types[i++] = WHATSAPP;
    if (instagram) {
      types[i++] = INSTAGRAM;
    }
    if (messenger) {
      types[i++] = MESSENGER;
    }
    if (telegram) {
      types[i] = TELEGRAM;
    }
    return types;
  }

  String channelType(long channel) {
    long workspace = channels.groupOf(channel);
    return channelTypes(workspace)[(int) (channel - channels.first(workspace))];
  }

  // contacts

  long contactWorkspace(long contact) {
    return contacts.groupOf(contact);
  }

  /**
   * The person behind a contact. 8% are people who are customers of several businesses, and the
   * first contacts of workspaces 1 and 2 (3 and 4, …) are always the same person.
   */
  long contactPerson(long contact) {
    long workspace = contacts.groupOf(contact);
    if (contact == contacts.first(workspace)) {
      return SHARED_PERSONS + (workspace - 1) / 2;
    }
    if (mix.percent(S_CONTACT, contact, 1, 8)) {
      return SHARED_PERSONS + mix.below(S_CONTACT, contact, 2, contacts.total() / 25 + 1);
    }
    return contact;
  }

  boolean sharedPerson(long person) {
    return person >= SHARED_PERSONS && person < ACCOUNT_PERSONS;
  }

  /** The channel a contact came through, or 0 when they came through the web widget. */
  long contactChannel(long contact, long workspace) {
    if (!mix.percent(S_CONTACT, contact, 3, 90)) {
      return 0;
    }
    return channels.first(workspace) + mix.below(S_CONTACT, contact, 4, channels.count(workspace));
  }

  /** The bot a contact talks to, or 0. */
  long contactBot(long contact, long workspace) {
    if (!mix.percent(S_CONTACT, contact, 5, 92)) {
      return 0;
    }
    return bots.first(workspace) + mix.below(S_CONTACT, contact, 6, bots.count(workspace));
  }

  // conversations and messages

  /** 30% of conversations started more than 13 months ago, the rest within the last 13 months. */
  long conversationStartedAt(long conversation) {
    return mix.percent(S_CONVERSATION, conversation, 1, 30)
        ? daysAgo(S_CONVERSATION, conversation, 2, 400, 730)
        : daysAgo(S_CONVERSATION, conversation, 2, 2, 390);
  }

  long firstSeenAt(long contact) {
    long first = Long.MAX_VALUE;
    long end = conversations.first(contact) + conversations.count(contact);
    for (long j = conversations.first(contact); j < end; j++) {
      first = Math.min(first, conversationStartedAt(j));
    }
    return first;
  }

  long messageGapSeconds(long conversation) {
    return 20 + mix.below(S_CONVERSATION, conversation, 3, 580);
  }

  long messageCreatedAt(long conversation, long message) {
    return conversationStartedAt(conversation)
        + (message - messages.first(conversation)) * messageGapSeconds(conversation);
  }
}
