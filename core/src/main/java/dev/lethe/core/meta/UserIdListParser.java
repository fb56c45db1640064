package dev.lethe.core.meta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one user id list; see {@link MetaUserIdList} for the accepted formats. Single use. */
final class UserIdListParser {

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Pattern SCIENTIFIC = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");

  private final Set<String> ids = new LinkedHashSet<>();
  private final List<MetaUserIdList.Problem> problems = new ArrayList<>();
  private int duplicates;
  private int problemsLeftOut;
  private char separator;
  private int idColumn;
  private boolean firstContentLine = true;

  MetaUserIdList parse(String text) {
    if (text.length() > MetaUserIdList.MAX_CHARS) {
      throw new UserIdListTooLargeException(
          "a user id list may hold at most " + MetaUserIdList.MAX_CHARS + " characters");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String[] lines = LINE_BREAK.split(body, -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        readLine(i + 1, lines[i]);
      }
    }
    return new MetaUserIdList(List.copyOf(ids), problems, duplicates, problemsLeftOut);
  }

  private void readLine(int number, String line) {
    if (firstContentLine) {
      separator = CsvLine.detectSeparator(line);
    }
    Optional<List<String>> fields = CsvLine.split(line, separator);
    if (fields.isEmpty()) {
      problem(number, "a quote is not closed");
      return;
    }
    if (firstContentLine) {
      firstContentLine = false;
      if (isHeader(fields.get())) {
        readHeader(number, fields.get());
        return;
      }
    }
    if (idColumn >= fields.get().size()) {
      problem(number, "the line has no column " + (idColumn + 1));
      return;
    }
    readId(number, fields.get().get(idColumn).strip());
  }

  private void readId(int number, String value) {
    Optional<String> id = DecimalId.normalize(value).filter(digits -> !digits.equals("0"));
    if (id.isEmpty()) {
      problem(number, whyNotAnId(value));
    } else if (!ids.add(id.get())) {
      duplicates++;
    } else if (ids.size() > MetaUserIdList.MAX_IDS) {
      throw new UserIdListTooLargeException(
          "a user id list may hold at most " + MetaUserIdList.MAX_IDS + " ids");
    }
  }

  private static String whyNotAnId(String value) {
    if (value.isEmpty()) {
      return "the user id is empty";
    }
    if (SCIENTIFIC.matcher(value).matches()) {
      return "the user id is in scientific notation, rounded by a spreadsheet:"
          + " export the column as text";
    }
    return "not a decimal user id";
  }

  /** A first line with no id in it and some letters is a header. */
  private static boolean isHeader(List<String> fields) {
    boolean anyId = fields.stream().anyMatch(f -> DecimalId.normalize(f.strip()).isPresent());
    boolean anyLetter = fields.stream().anyMatch(f -> f.chars().anyMatch(Character::isLetter));
    return !anyId && anyLetter;
  }

  private void readHeader(int number, List<String> names) {
    for (int column = 0; column < names.size(); column++) {
      if (namesUserId(names.get(column))) {
        idColumn = column;
        return;
      }
    }
    idColumn = 0;
    if (names.size() > 1) {
      problem(number, "the header names no user id column; reading the first column");
    }
  }

  private static boolean namesUserId(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return n.equals("id")
        || n.equals("ids")
        || n.equals("asid")
        || n.endsWith("userid")
        || n.endsWith("userids")
        || n.contains("appscoped");
  }

  private void problem(int line, String reason) {
    if (problems.size() < MetaUserIdList.MAX_PROBLEMS) {
      problems.add(new MetaUserIdList.Problem(line, reason));
    } else {
      problemsLeftOut++;
    }
  }
}
