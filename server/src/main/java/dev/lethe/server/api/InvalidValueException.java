package dev.lethe.server.api;

import java.util.List;

/**
 * A value that does not hold, with the key and arguments of its fixed message so that pages can say
 * it in their language; its own message is the English the API answers.
 */
public class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient List<Object> args;

  public InvalidValueException(String code, String message, Object... args) {
    super(message);
    this.code = code;
    this.args = List.of(args);
  }

  public String code() {
    return code;
  }

  public List<Object> args() {
    return args;
  }
}
