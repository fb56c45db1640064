package dev.lethe.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A request body or query with fields that do not hold: each named with what is wrong (400). */
public class InvalidFieldsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One field and what is wrong with it; the value itself is never repeated. The API answers the
   * English {@code message}; {@code code} and {@code args}, when the message is a fixed one, let
   * pages say it in their own language (a message key in {@code messages/admin*.properties}).
   */
  public record FieldError(
      String field, String message, @JsonIgnore String code, @JsonIgnore List<Object> args) {

    public FieldError {
      args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldError(String field, String message) {
      this(field, message, null, List.of());
    }

    /** A fixed message: its key and arguments, and the English the API answers. */
    public static FieldError coded(String field, String code, String message, Object... args) {
      return new FieldError(field, message, code, List.of(args));
    }
  }

  private final transient List<FieldError> errors;

  public InvalidFieldsException(List<FieldError> errors) {
    super(
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid");
    this.errors = List.copyOf(errors);
  }

  public static InvalidFieldsException of(String field, String message) {
    return new InvalidFieldsException(List.of(new FieldError(field, message)));
  }

  /** One field with a fixed message: see {@link FieldError#coded}. */
  public static InvalidFieldsException coded(
      String field, String code, String message, Object... args) {
    return new InvalidFieldsException(List.of(FieldError.coded(field, code, message, args)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
