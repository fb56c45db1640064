package dev.lethe.core.request;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who moved a request. Operators and API keys are named by their id, never by an e-mail address:
 * ids are plain tokens ({@code [A-Za-z0-9._-]}, at most 64), so an address cannot be stored.
 */
public record Actor(Kind kind, Optional<String> id) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** The kinds of actor. */
  public enum Kind {
    SYSTEM,
    OPERATOR,
    API_KEY,
    SUBJECT,
    META;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    id = id == null ? Optional.empty() : id;
    id.ifPresent(
        value -> {
          if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                "an actor id is a plain token of letters, digits, '.', '_' or '-' (at most 64)");
          }
        });
    if ((kind == Kind.OPERATOR || kind == Kind.API_KEY) && id.isEmpty()) {
      throw new IllegalArgumentException("a " + kind.code() + " actor needs an id");
    }
  }

  public static Actor system() {
    return new Actor(Kind.SYSTEM, Optional.empty());
  }

  public static Actor operator(String operatorId) {
    return new Actor(Kind.OPERATOR, Optional.of(operatorId));
  }

  public static Actor apiKey(String keyId) {
    return new Actor(Kind.API_KEY, Optional.of(keyId));
  }

  /** The person the request is about. */
  public static Actor subject() {
    return new Actor(Kind.SUBJECT, Optional.empty());
  }

  /** Meta's callbacks, with the Meta app's id. */
  public static Actor meta(String appId) {
    return new Actor(Kind.META, Optional.of(appId));
  }

  /** {@code kind} or {@code kind:id}, as stored. */
  public String code() {
    return kind.code() + id.map(i -> ":" + i).orElse("");
  }

  public static Actor fromCode(String code) {
    int colon = code.indexOf(':');
    String kindCode = colon < 0 ? code : code.substring(0, colon);
    Kind kind =
        Arrays.stream(Kind.values())
            .filter(k -> k.code().equals(kindCode))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown actor kind: " + kindCode));
    return new Actor(kind, colon < 0 ? Optional.empty() : Optional.of(code.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return code();
  }
}
