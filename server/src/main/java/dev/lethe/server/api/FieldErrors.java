package dev.lethe.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects what is wrong with a request's fields, so one answer names every problem at once. Checks
 * that throw an {@link IllegalArgumentException} become the field's error (with the key of its
 * message when it is an {@link InvalidValueException}).
 */
public final class FieldErrors {

  private final List<InvalidFieldsException.FieldError> errors = new ArrayList<>();

  public void add(String field, String message) {
    errors.add(new InvalidFieldsException.FieldError(field, message));
  }

  /** A fixed message, with its key and arguments: see {@link InvalidFieldsException.FieldError}. */
  public void add(String field, String code, String message, Object... args) {
    errors.add(InvalidFieldsException.FieldError.coded(field, code, message, args));
  }

  /** The value {@code read} makes of a field, or null with the field's error recorded. */
  public <T> T read(String field, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidValueException e) {
      add(field, e.code(), e.getMessage(), e.args().toArray());
      return null;
    } catch (IllegalArgumentException e) {
      add(field, e.getMessage());
      return null;
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /**
   * @throws InvalidFieldsException when anything was recorded
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException(errors);
    }
  }
}
