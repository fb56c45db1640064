package dev.lethe.core.plan;

/** A request the data map cannot serve: unknown scope, missing workspace, bad parameter. */
public class RequestException extends IllegalArgumentException {
  public RequestException(String message) {
    super(message);
  }
}
