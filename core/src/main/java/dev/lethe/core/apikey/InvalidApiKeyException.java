package dev.lethe.core.apikey;

/**
 * A key that cannot be issued or registered as asked: no name, no permission, a malformed token.
 */
public class InvalidApiKeyException extends IllegalArgumentException {
  public InvalidApiKeyException(String message) {
    super(message);
  }
}
