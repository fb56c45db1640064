package dev.lethe.server.meta;

/**
 * A Page removed the app ({@code user_id} "0" with a {@code profile_id}). The data map has no scope
 * keyed by a Page id, so such a callback is refused rather than recorded as a request that would
 * delete nothing; see docs/configuration.md.
 */
final class PageRemovalNotSupportedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PageRemovalNotSupportedException() {
    super("a Page removal names no person; erase the Page's channel through the operator instead");
  }
}
