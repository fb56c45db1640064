package dev.lethe.core.apikey;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a key is called, what it may do and where: checked before a key is issued or registered. */
record KeyTerms(String name, Set<Permission> permissions, Optional<String> workspace) {

  static final int MAX_NAME = 100;
  static final int MAX_WORKSPACE = 255;

  KeyTerms {
    name = name == null ? "" : name.strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InvalidApiKeyException("the name of a key must be 1 to 100 characters");
    }
    if (name.codePoints().anyMatch(KeyTerms::unprintable)) {
      throw new InvalidApiKeyException(
          "the name of a key must be printable: no control characters or line breaks");
    }
    if (permissions == null
        || permissions.isEmpty()
        || permissions.stream().anyMatch(Objects::isNull)) {
      throw new InvalidApiKeyException(
          "a key needs at least one permission (" + Permission.knownCodes() + ")");
    }
    permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    workspace = workspace == null ? Optional.empty() : workspace.map(String::strip);
    if (workspace.filter(w -> w.isEmpty() || w.length() > MAX_WORKSPACE).isPresent()) {
      throw new InvalidApiKeyException("the workspace of a key must be 1 to 255 characters");
    }
  }

  private static boolean unprintable(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint)
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
