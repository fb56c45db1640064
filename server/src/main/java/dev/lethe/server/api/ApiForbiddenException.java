package dev.lethe.server.api;

/** The API key is valid but may not do this (403). */
public class ApiForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiForbiddenException(String message) {
    super(message);
  }
}
