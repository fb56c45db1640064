package dev.lethe.core.request;

/** A new request that cannot be accepted as given: a blank scope, no subject, a malformed code. */
public class InvalidRequestException extends IllegalArgumentException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
