package dev.lethe.core.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line of CSV: fields split on a separator outside double quotes, "" inside quotes is ". */
final class CsvLine {

  private CsvLine() {}

  /** The first tab, semicolon or comma outside quotes; a comma when the line has none. */
  static char detectSeparator(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\t' || c == ';' || c == ',')) {
        return c;
      }
    }
    return ',';
  }

  /** The fields, unquoted; empty when a quote is left open. */
  static Optional<List<String>> split(String line, char separator) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      return Optional.empty();
    }
    fields.add(field.toString());
    return Optional.of(fields);
  }
}
