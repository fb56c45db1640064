package dev.lethe.server.api;

import java.util.List;

/** A request body or query with fields that do not hold: each named with what is wrong (400). */
public class InvalidFieldsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One field and what is wrong with it; the value itself is never repeated. */
  public record FieldError(String field, String message) {}

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

  public List<FieldError> errors() {
    return errors;
  }
}
