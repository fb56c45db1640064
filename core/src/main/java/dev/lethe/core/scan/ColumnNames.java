package dev.lethe.core.scan;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Tests of a column's name, split into {@link Words}, that {@link PersonalColumns}' rules are built
 * of: exact names, last words, endings, and the forms of a person's name, a Meta or messaging
 * platform's user id and a government id.
 */
final class ColumnNames {

  /** Words that alone name a stored file ({@code avatar}, {@code attachments}). */
  static final Set<String> FILE_NOUNS =
      words("avatar photo picture image attachment file upload document thumbnail video audio");

  /** Words that, followed by {@code key}, {@code path} or {@code url}, name a stored file. */
  static final Set<String> FILE_WORDS =
      words(
          "avatar photo picture pic image attachment file upload document media storage s3 blob"
              + " object thumbnail video audio voice recording");

  /** The {@code <role>_name} forms that are a person's name wherever they appear. */
  private static final Set<String> NAME_ROLES =
      words(
          "first last middle full given family maiden nick author customer contact sender"
              + " recipient receiver user owner member guest visitor buyer client patient employee"
              + " agent assignee creator holder cardholder billing shipping person guardian"
              + " attendee participant subscriber lead requester reporter submitter profile");

  private static final Set<String> PLATFORMS =
      words(
          "telegram tg instagram ig line viber twitter tiktok google apple discord wechat slack"
              + " whatsapp facebook fb meta messenger external platform");

  private static final Set<String> PLATFORM_SUBJECTS =
      words("user sender chat contact subscriber recipient customer");

  /** Words that make a {@code message} or {@code body} column an outcome, not content. */
  static final Set<String> NOT_CONTENT = words("error status failure exception success");

  private ColumnNames() {}

  static boolean roleName(Words w) {
    int size = w.words().size();
    return size >= 2 && w.last().equals("name") && NAME_ROLES.contains(w.words().get(size - 2));
  }

  static boolean metaUserId(Words w) {
    return w.endsWith("user", "id") && anyWord(w, words("meta facebook fb"));
  }

  static boolean platformUserId(Words w) {
    int size = w.words().size();
    if (size < 2 || !anyWord(w, PLATFORMS)) {
      return false;
    }
    String beforeLast = w.words().get(size - 2);
    boolean subjectId = w.last().equals("id") && PLATFORM_SUBJECTS.contains(beforeLast);
    boolean platformId =
        size == 2
            && (w.last().equals("id") || w.last().equals("uid"))
            && PLATFORMS.contains(beforeLast)
            && !words("line external platform meta").contains(beforeLast);
    return subjectId || platformId;
  }

  static boolean governmentId(Words w) {
    return anyWord(w, words("passport ssn ktp nik npwp aadhaar nric cpf"))
        || w.endsWith("national", "id")
        || w.endsWith("national", "number")
        || w.endsWith("tax", "id")
        || w.endsWith("tax", "number")
        || w.endsWith("id", "number")
        || w.endsWith("identity", "number")
        || (anyWord(w, words("driver driving")) && anyWord(w, words("license licence")));
  }

  static boolean anyWord(Words w, Set<String> set) {
    return w.words().stream().anyMatch(set::contains);
  }

  static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  static Predicate<Words> exact(String names) {
    Set<String> set = words(names);
    return w -> set.contains(w.snake());
  }

  static Predicate<Words> last(String lastWords) {
    Set<String> set = words(lastWords);
    return w -> set.contains(w.last());
  }

  static Predicate<Words> ends(String tail) {
    String[] words = tail.split(" ");
    return w -> w.endsWith(words);
  }
}
