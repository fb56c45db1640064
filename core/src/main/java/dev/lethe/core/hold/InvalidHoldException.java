package dev.lethe.core.hold;

/** A hold that cannot be placed or lifted as given: no target, no reason, an expiry in the past. */
public class InvalidHoldException extends IllegalArgumentException {
  public InvalidHoldException(String message) {
    super(message);
  }
}
