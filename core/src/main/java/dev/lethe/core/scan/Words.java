package dev.lethe.core.scan;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A table or column name split into lower-case words: {@code creatorAccountId} and {@code
 * creator_account_id} both read as {@code [creator, account, id]}.
 */
record Words(List<String> words) {

  Words {
    words = List.copyOf(words);
  }

  static Words of(String name) {
    String snake =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
            .toLowerCase(Locale.ROOT);
    return new Words(Arrays.stream(snake.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList());
  }

  /** The words joined by underscores: the name in lower snake case. */
  String snake() {
    return String.join("_", words);
  }

  String last() {
    return words.isEmpty() ? "" : words.get(words.size() - 1);
  }

  boolean contains(String word) {
    return words.contains(word);
  }

  /** True when the name ends with the given words, e.g. {@code endsWith("phone", "number")}. */
  boolean endsWith(String... tail) {
    if (tail.length > words.size()) {
      return false;
    }
    List<String> end = words.subList(words.size() - tail.length, words.size());
    return end.equals(Arrays.asList(tail));
  }

  /** The singular of the last word: the noun a table is named after ({@code bot_users → user}). */
  String lastNoun() {
    return singular(last());
  }

  /** English singular, good enough for table names: companies → company, boxes → box. */
  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("sses")
        || word.endsWith("xes")
        || word.endsWith("zes")
        || word.endsWith("ches")
        || word.endsWith("shes")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && word.length() > 3) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** The table names a singular noun may go by: company → company, companys, companies, … */
  static List<String> tableNamesFor(String singular) {
    if (singular.endsWith("y")
        && singular.length() > 1
        && !isVowel(singular.charAt(singular.length() - 2))) {
      return List.of(
          singular, singular.substring(0, singular.length() - 1) + "ies", singular + "s");
    }
    return List.of(singular, singular + "s", singular + "es");
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }
}
