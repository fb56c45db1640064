package dev.lethe.platform.generator;

/** A workspace's end customers and what the business keeps about them. */
final class ContactRows {

  private static final long S = 300;

  private final Layout layout;
  private final Mix mix;
  private final People people;

  ContactRows(Layout layout) {
    this.layout = layout;
    this.mix = layout.mix;
    this.people = layout.people;
  }

  void contacts(Tables tables) {
    long count = layout.contacts.total();
    try (RowSink out =
        tables.open(
            "contacts",
            count,
            "id",
            "workspace_id",
            "bot_id",
            "channel_id",
            "name",
            "email",
            "phone",
            "wa_id",
            "psid",
            "igsid",
            "telegram_username",
            "custom_fields",
            "lead_score",
            "lifecycle",
            "first_seen_at",
            "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          out.row(contact(c, w));
        }
      }
    }
  }

  private Object[] contact(long c, long w) {
    long person = layout.contactPerson(c);
    boolean shared = layout.sharedPerson(person);
    long channel = layout.contactChannel(c, w);
    long bot = layout.contactBot(c, w);
    String type = channel == 0 ? "web" : layout.channelType(channel);
    String phone =
        type.equals(Layout.WHATSAPP) || mix.percent(S, c, 1, 25) ? people.phone(person) : null;
    long firstSeen = layout.firstSeenAt(c);
    return new Object[] {
      c,
      w,
      bot == 0 ? null : bot,
      channel == 0 ? null : channel,
      shared || mix.percent(S, c, 2, 90) ? people.name(person) : null,
      shared || mix.percent(S, c, 3, 40) ? people.email(person, person % 1_000_000_000L) : null,
      phone,
      type.equals(Layout.WHATSAPP) ? People.waId(phone) : null,
      type.equals(Layout.MESSENGER) ? mix.digits(S, c, 4, 16) : null,
      type.equals(Layout.INSTAGRAM) ? mix.digits(S, c, 5, 17) : null,
      type.equals(Layout.TELEGRAM) ? people.telegram(person) : null,
      "{\"city\":\""
          + people.city(person)
          + "\",\"source\":\""
          + mix.pick(S, c, 6, Texts.SOURCES)
          + "\"}",
      mix.below(S, c, 7, 101),
      mix.pick(S, c, 8, Texts.LIFECYCLES),
      layout.at(firstSeen),
      layout.at(firstSeen)
    };
  }

  void contactLabels(Tables tables) {
    Spread labels = layout.labels;
    try (RowSink out =
        tables.open(
            "contact_labels", labels.total(), "id", "workspace_id", "contact_id", "label")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          for (long i = 0; i < labels.count(c); i++) {
            out.row(labels.first(c) + i, w, c, Texts.LABELS[(int) ((c + i) % Texts.LABELS.length)]);
          }
        }
      }
    }
  }

  void notes(Tables tables) {
    Spread notes = layout.notes;
    try (RowSink out =
        tables.open(
            "notes",
            notes.total(),
            "id",
            "workspace_id",
            "contact_id",
            "author_account_id",
            "author_name",
            "body",
            "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          for (long id = notes.first(c); id < notes.first(c) + notes.count(c); id++) {
            long author = layout.someMember(w, S + 1, id);
            out.row(
                id,
                w,
                c,
                author,
                layout.accountName(author),
                mix.pick(S + 1, id, 1, Texts.NOTES),
                layout.at(layout.daysAgo(S + 1, id, 2, 1, 700)));
          }
        }
      }
    }
  }

  void orders(Tables tables) {
    Spread orders = layout.orders;
    try (RowSink out =
        tables.open(
            "orders",
            orders.total(),
            "id",
            "workspace_id",
            "contact_id",
            "status",
            "total_cents",
            "currency",
            "shipping_address",
            "created_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          long person = layout.contactPerson(c);
          for (long id = orders.first(c); id < orders.first(c) + orders.count(c); id++) {
            out.row(
                id,
                w,
                c,
                mix.pick(S + 2, id, 1, new String[] {"paid", "shipped", "delivered", "cancelled"}),
                (long) (5 + mix.below(S + 2, id, 2, 300)) * 1000,
                people.currency(person),
                people.address(person),
                layout.at(layout.daysAgo(S + 2, id, 3, 1, 700)));
          }
        }
      }
    }
  }

  void orderItems(Tables tables) {
    Spread items = layout.orderItems;
    try (RowSink out =
        tables.open(
            "order_items",
            items.total(),
            "id",
            "order_id",
            "product_name",
            "quantity",
            "unit_price_cents")) {
      for (long o = 1; o <= items.groups(); o++) {
        for (long id = items.first(o); id < items.first(o) + items.count(o); id++) {
          out.row(
              id,
              o,
              mix.pick(S + 3, id, 1, Texts.PRODUCTS),
              1 + mix.below(S + 3, id, 2, 4),
              (long) (10 + mix.below(S + 3, id, 3, 200)) * 500);
        }
      }
    }
  }

  /** One reorder reminder for every second order; every seventh has lost its order. */
  void reorderCycles(Tables tables) {
    Spread orders = layout.orders;
    long count = orders.total() / 2;
    try (RowSink out =
        tables.open(
            "reorder_cycles",
            count,
            "id",
            "workspace_id",
            "contact_id",
            "order_id",
            "interval_days",
            "next_reminder_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          for (long o = orders.first(c); o < orders.first(c) + orders.count(c); o++) {
            if (o % 2 == 0) {
              long id = o / 2;
              out.row(
                  id,
                  w,
                  c,
                  id % 7 == 0 ? null : o,
                  new int[] {7, 14, 30}[mix.below(S + 4, id, 1, 3)],
                  layout.at(layout.now + mix.below(S + 4, id, 2, 30 * Layout.DAY)));
            }
          }
        }
      }
    }
  }

  void customerMemories(Tables tables) {
    Spread memories = layout.memories;
    try (RowSink out =
        tables.open(
            "customer_memories",
            memories.total(),
            "id",
            "workspace_id",
            "contact_id",
            "memory_key",
            "memory_value",
            "updated_at")) {
      for (long w = 1; w <= layout.workspaces; w++) {
        long end = layout.contacts.first(w) + layout.contacts.count(w);
        for (long c = layout.contacts.first(w); c < end; c++) {
          for (long id = memories.first(c); id < memories.first(c) + memories.count(c); id++) {
            int k = mix.below(S + 5, id, 1, Texts.MEMORY_KEYS.length);
            out.row(
                id,
                w,
                c,
                Texts.MEMORY_KEYS[k],
                Texts.MEMORY_VALUES[k],
                layout.at(layout.daysAgo(S + 5, id, 2, 1, 700)));
          }
        }
      }
    }
  }
}
