package dev.lethe.server.api;

/** No API key, or one that is malformed, unknown or revoked (401). */
class ApiUnauthenticatedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ApiUnauthenticatedException(String message) {
    super(message);
  }
}
