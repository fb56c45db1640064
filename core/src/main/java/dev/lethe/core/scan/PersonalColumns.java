package dev.lethe.core.scan;

import static dev.lethe.core.scan.ColumnNames.FILE_NOUNS;
import static dev.lethe.core.scan.ColumnNames.FILE_WORDS;
import static dev.lethe.core.scan.ColumnNames.NOT_CONTENT;
import static dev.lethe.core.scan.ColumnNames.anyWord;
import static dev.lethe.core.scan.ColumnNames.ends;
import static dev.lethe.core.scan.ColumnNames.exact;
import static dev.lethe.core.scan.ColumnNames.last;
import static dev.lethe.core.scan.ColumnNames.words;
import static dev.lethe.core.scan.PersonalCategory.ADDRESS;
import static dev.lethe.core.scan.PersonalCategory.ATTRIBUTE_BAG;
import static dev.lethe.core.scan.PersonalCategory.BIRTH;
import static dev.lethe.core.scan.PersonalCategory.EMAIL;
import static dev.lethe.core.scan.PersonalCategory.FILE;
import static dev.lethe.core.scan.PersonalCategory.FREE_TEXT;
import static dev.lethe.core.scan.PersonalCategory.GENDER;
import static dev.lethe.core.scan.PersonalCategory.GOVERNMENT_ID;
import static dev.lethe.core.scan.PersonalCategory.INSTAGRAM_SCOPED_ID;
import static dev.lethe.core.scan.PersonalCategory.LOCATION;
import static dev.lethe.core.scan.PersonalCategory.META_USER_ID;
import static dev.lethe.core.scan.PersonalCategory.NAME;
import static dev.lethe.core.scan.PersonalCategory.NETWORK;
import static dev.lethe.core.scan.PersonalCategory.PAGE_SCOPED_ID;
import static dev.lethe.core.scan.PersonalCategory.PHONE;
import static dev.lethe.core.scan.PersonalCategory.PLATFORM_USER_ID;
import static dev.lethe.core.scan.PersonalCategory.SECRET;
import static dev.lethe.core.scan.PersonalCategory.TELEGRAM;
import static dev.lethe.core.scan.PersonalCategory.UPLOAD_URL;
import static dev.lethe.core.scan.PersonalCategory.WHATSAPP_ID;

import dev.lethe.core.schema.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides from its name, its type and its table whether a column looks like it holds personal data.
 * The rules are tried in order and the first match wins, so narrower rules ({@code email_address})
 * come before broader ones ({@code address}). docs/scan.md explains the choices.
 */
final class PersonalColumns {

  /**
   * Nouns of tables about people: a bare {@code name} or {@code description} there is a person's.
   */
  static final Set<String> PERSON_NOUNS =
      words(
          "account user contact customer member profile lead employee person people subscriber"
              + " visitor guest patient client admin agent staff student participant recipient"
              + " author buyer seller follower attendee applicant candidate respondent operator"
              + " teammate identity");

  /** Nouns of tables about things customers configure: their texts and JSON are not people's. */
  static final Set<String> THING_NOUNS =
      words(
          "template snippet macro faq article flow bot product setting config configuration plan"
              + " feature translation locale campaign broadcast node step intent knowledge"
              + " migration webhook");

  /** Where a rule applies. */
  enum Tables {
    ALL,
    PEOPLE_ONLY,
    NOT_THINGS
  }

  /** Which column types a rule accepts. */
  enum Types {
    /** Character, JSON or binary columns. */
    TEXT,
    /** Anything but booleans and dates. */
    VALUE,
    /** Anything but booleans. */
    NOT_BOOLEAN
  }

  record Rule(PersonalCategory category, Types types, Tables tables, Predicate<Words> name) {}

  static final List<Rule> RULES =
      List.of(
          rule(
              WHATSAPP_ID, Types.VALUE, Tables.ALL, exact("wa_id waid whatsapp_id"), ends("wa id")),
          rule(PAGE_SCOPED_ID, Types.VALUE, Tables.ALL, last("psid"), ends("page scoped id")),
          rule(
              INSTAGRAM_SCOPED_ID,
              Types.VALUE,
              Tables.ALL,
              last("igsid"),
              ends("instagram scoped id")),
          rule(
              META_USER_ID,
              Types.VALUE,
              Tables.ALL,
              exact("asid fb_id facebook_id"),
              ColumnNames::metaUserId),
          rule(
              TELEGRAM,
              Types.TEXT,
              Tables.ALL,
              exact("telegram tg_username"),
              ends("telegram username")),
          rule(PLATFORM_USER_ID, Types.VALUE, Tables.ALL, ColumnNames::platformUserId),
          rule(
              EMAIL,
              Types.TEXT,
              Tables.ALL,
              last("email emails"),
              ends("email address"),
              ends("e mail")),
          rule(
              PHONE,
              Types.VALUE,
              Tables.ALL,
              last("phone phones mobile msisdn telephone cellphone"),
              ends("phone number"),
              ends("phone no"),
              ends("mobile number"),
              ends("whatsapp number")),
          rule(
              NETWORK,
              Types.VALUE,
              Tables.ALL,
              last("ip useragent"),
              ends("ip address"),
              ends("ip addr"),
              ends("remote addr"),
              ends("user agent")),
          rule(
              ADDRESS,
              Types.TEXT,
              Tables.ALL,
              last(
                  "address addresses address1 address2 street street1 street2 city postcode zip zipcode"),
              ends("postal code"),
              ends("zip code"),
              ends("post code"),
              w -> w.contains("address") && w.last().startsWith("line")),
          rule(
              BIRTH,
              Types.NOT_BOOLEAN,
              Tables.ALL,
              last("dob birthday birthdate"),
              exact("age"),
              w -> w.contains("birth")),
          rule(
              SECRET,
              Types.TEXT,
              Tables.ALL,
              last("token secret password passwd otp apikey credentials"),
              w -> w.contains("password") || w.contains("secret"),
              ends("api key"),
              ends("private key")),
          rule(GOVERNMENT_ID, Types.VALUE, Tables.ALL, ColumnNames::governmentId),
          rule(
              NAME,
              Types.TEXT,
              Tables.ALL,
              exact("firstname lastname fullname surname given_names"),
              ColumnNames::roleName),
          rule(
              NAME,
              Types.TEXT,
              Tables.PEOPLE_ONLY,
              exact("name display_name nickname username login handle")),
          rule(
              FREE_TEXT,
              Types.TEXT,
              Tables.PEOPLE_ONLY,
              last("description about summary headline title")),
          rule(
              FREE_TEXT,
              Types.TEXT,
              Tables.NOT_THINGS,
              last("body content text message prompt response completion reply transcript transcription note notes comment comments caption bio feedback remark remarks")
                  .and(w -> !anyWord(w, NOT_CONTENT))),
          rule(
              ATTRIBUTE_BAG,
              Types.TEXT,
              Tables.NOT_THINGS,
              last(
                  "fields attributes attrs metadata meta data payload properties props extra extras traits variables vars context raw params")),
          rule(
              UPLOAD_URL,
              Types.TEXT,
              Tables.NOT_THINGS,
              w -> anyWord(w, FILE_WORDS) && words("url uri link").contains(w.last())),
          rule(
              FILE,
              Types.TEXT,
              Tables.NOT_THINGS,
              w -> FILE_NOUNS.contains(Words.singular(w.last())),
              w -> anyWord(w, FILE_WORDS) && words("key path").contains(w.last())),
          rule(
              LOCATION,
              Types.VALUE,
              Tables.ALL,
              last(
                  "location latitude longitude lat lng lon geo geolocation coordinates coords geopoint")),
          rule(GENDER, Types.VALUE, Tables.ALL, last("gender sex")));

  private PersonalColumns() {}

  /** What personal data {@code column} of {@code table} probably holds, if any. */
  static Optional<PersonalCategory> classify(String table, Column column) {
    Words name = Words.of(column.name());
    return RULES.stream()
        .filter(r -> r.name().test(name))
        .filter(r -> fits(r.types(), column))
        .filter(r -> applies(r.tables(), table))
        .map(Rule::category)
        .findFirst();
  }

  /** True for tables about people ({@code users}, {@code bot_users}, {@code crm_contact}…). */
  static boolean isAboutPeople(String table) {
    return PERSON_NOUNS.contains(Words.of(table).lastNoun());
  }

  /** True for tables about configured things ({@code templates}, {@code canned_responses}…). */
  static boolean isAboutThings(String table) {
    Words words = Words.of(table);
    return THING_NOUNS.contains(words.lastNoun()) || anyWord(words, words("template canned quick"));
  }

  private static boolean applies(Tables tables, String table) {
    return switch (tables) {
      case ALL -> true;
      case PEOPLE_ONLY -> isAboutPeople(table);
      case NOT_THINGS -> !isAboutThings(table);
    };
  }

  private static boolean fits(Types types, Column column) {
    return switch (types) {
      case TEXT -> ColumnTypes.isTextOrBinary(column);
      case VALUE -> !ColumnTypes.isBoolean(column) && !ColumnTypes.isTemporal(column);
      case NOT_BOOLEAN -> !ColumnTypes.isBoolean(column);
    };
  }

  @SafeVarargs
  private static Rule rule(
      PersonalCategory category, Types types, Tables tables, Predicate<Words>... names) {
    return new Rule(
        category, types, tables, Arrays.stream(names).reduce(w -> false, Predicate::or));
  }
}
