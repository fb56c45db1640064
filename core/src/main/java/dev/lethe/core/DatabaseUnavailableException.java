package dev.lethe.core;

/** The host database cannot be reached or read. */
public class DatabaseUnavailableException extends LetheException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
