package dev.lethe.core.scan;

import dev.lethe.core.schema.Column;
import dev.lethe.core.schema.ForeignKey;
import dev.lethe.core.schema.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the references leading out of a table: its declared foreign keys, and the ones real
 * applications rely on without declaring them ({@code contact_id}, {@code creator_account_id},
 * {@code author_id}, {@code commentable_type}/{@code commentable_id}).
 */
final class References {

  private static final Set<String> PERSON_ROLES =
      Set.of(
          "creator",
          "author",
          "owner",
          "sender",
          "assignee",
          "recipient",
          "receiver",
          "reporter",
          "requester",
          "approver",
          "reviewer",
          "inviter",
          "invitee",
          "editor",
          "modifier");

  private static final Set<String> BY_VERBS =
      Set.of(
          "created",
          "updated",
          "deleted",
          "modified",
          "invited",
          "assigned",
          "approved",
          "closed",
          "resolved",
          "archived");

  /**
   * Nouns of tables that hold the people a creator/author/owner column points at, preferred first.
   */
  private static final List<String> PEOPLE_TABLE_NOUNS =
      List.of(
          "user", "account", "admin", "member", "agent", "employee", "staff", "person", "people");

  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Optional<Table> people;

  References(Collection<Table> tables) {
    tables.stream()
        .sorted(Comparator.comparing(t -> t.name().length()))
        .forEach(t -> this.tables.put(Words.of(t.name()).snake(), t));
    this.people =
        PEOPLE_TABLE_NOUNS.stream()
            .flatMap(noun -> this.tables.values().stream().filter(t -> nounOf(t).equals(noun)))
            .findFirst();
  }

  /** The references leading out of {@code table}, one per column, declared ones first. */
  List<Reference> from(Table table) {
    List<Reference> found = new ArrayList<>();
    Set<String> seen = new HashSet<>(table.primaryKey().stream().map(References::lower).toList());
    for (ForeignKey fk : table.foreignKeys()) {
      if (seen.add(lower(fk.column()))) {
        found.add(
            Reference.to(
                table.name(),
                fk.column(),
                fk.referencedTable(),
                Reference.Basis.DECLARED_FOREIGN_KEY));
      }
    }
    for (Column type : table.columns()) {
      polymorphicPartner(table, type)
          .filter(id -> !seen.contains(lower(id.name())))
          .ifPresent(
              id -> {
                seen.add(lower(id.name()));
                seen.add(lower(type.name()));
                found.add(Reference.polymorphic(table.name(), id.name(), type.name()));
              });
    }
    for (Column column : table.columns()) {
      if (seen.contains(lower(column.name()))) {
        continue;
      }
      namedTarget(column)
          .map(
              t ->
                  Reference.to(
                      table.name(), column.name(), t.name(), Reference.Basis.NAMED_LIKE_TABLE))
          .or(
              () ->
                  personTarget(column)
                      .map(
                          t ->
                              Reference.to(
                                  table.name(),
                                  column.name(),
                                  t.name(),
                                  Reference.Basis.PERSON_ROLE)))
          .ifPresent(found::add);
    }
    return found;
  }

  /** The {@code <x>_id} column paired with a {@code <x>_type} column (Rails, Django). */
  private static Optional<Column> polymorphicPartner(Table table, Column type) {
    Words words = Words.of(type.name());
    if (words.snake().equals("content_type_id")) {
      return table.column("object_id");
    }
    if (!words.last().equals("type") || words.words().size() < 2 || !type.isText()) {
      return Optional.empty();
    }
    List<String> base = words.words().subList(0, words.words().size() - 1);
    return table.columns().stream()
        .filter(c -> Words.of(c.name()).snake().equals(String.join("_", base) + "_id"))
        .findFirst();
  }

  /** {@code contact_id}, {@code contactid}, {@code creator_account_id} → the table named so. */
  private Optional<Table> namedTarget(Column column) {
    Words words = Words.of(column.name());
    List<String> base;
    if (words.words().size() >= 2 && words.last().equals("id")) {
      base = words.words().subList(0, words.words().size() - 1);
    } else if (words.words().size() == 1
        && words.last().endsWith("id")
        && words.last().length() > 4) {
      base = List.of(words.last().substring(0, words.last().length() - 2));
    } else {
      return Optional.empty();
    }
    for (int from = 0; from < base.size(); from++) {
      String noun = String.join("_", base.subList(from, base.size()));
      Optional<Table> target = tableNamedAfter(noun).filter(t -> keyComparable(t, column));
      if (target.isPresent()) {
        return target;
      }
    }
    return Optional.empty();
  }

  private Optional<Table> tableNamedAfter(String noun) {
    for (String name : Words.tableNamesFor(noun)) {
      Table exact = tables.get(name);
      if (exact != null) {
        return Optional.of(exact);
      }
    }
    // Django names tables <app>_<model>: accept one table ending with the noun.
    List<Table> prefixed =
        tables.values().stream()
            .filter(
                t ->
                    Words.tableNamesFor(noun).stream()
                        .anyMatch(n -> Words.of(t.name()).snake().endsWith("_" + n)))
            .toList();
    return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
  }

  /** {@code author_id}, {@code owner_id}, {@code created_by} → the users-like table. */
  private Optional<Table> personTarget(Column column) {
    if (people.isEmpty()) {
      return Optional.empty();
    }
    Words words = Words.of(column.name());
    boolean idSuffix = words.words().size() >= 2 && words.last().equals("id");
    List<String> base =
        idSuffix ? words.words().subList(0, words.words().size() - 1) : words.words();
    if (base.isEmpty() || (!idSuffix && column.isText())) {
      return Optional.empty();
    }
    String lastBase = base.get(base.size() - 1);
    boolean role =
        PERSON_ROLES.contains(lastBase)
            || (base.size() >= 2
                && lastBase.equals("by")
                && BY_VERBS.contains(base.get(base.size() - 2)))
            || (base.size() >= 2
                && lastBase.equals("to")
                && base.get(base.size() - 2).equals("assigned"));
    return role ? people.filter(t -> keyComparable(t, column)) : Optional.empty();
  }

  private static boolean keyComparable(Table target, Column column) {
    Optional<Column> key =
        target.primaryKey().size() == 1
            ? target.column(target.primaryKey().get(0))
            : target.column("id");
    return key.map(k -> ColumnTypes.comparable(k, column) && !ColumnTypes.isTemporal(column))
        .orElse(false);
  }

  private static String nounOf(Table table) {
    return Words.of(table.name()).lastNoun();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
