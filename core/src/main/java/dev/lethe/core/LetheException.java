package dev.lethe.core;

/** A failure Lethe explains itself; its message never carries personal data. */
public class LetheException extends RuntimeException {
  public LetheException(String message) {
    super(message);
  }

  public LetheException(String message, Throwable cause) {
    super(message, cause);
  }
}
