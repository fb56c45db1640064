package dev.lethe.core.identity;

/** An identity value that cannot be read as its kind (a phone number that is no number, say). */
public class InvalidIdentityException extends IllegalArgumentException {
  public InvalidIdentityException(String message) {
    super(message);
  }
}
