package dev.lethe.server.api.holds;

/**
 * The body of {@code POST /v1/holds}: exactly one target — {@code workspace}, {@code identity}
 * ({@code {"kind": "email", "value": "…"}}, kept only as a keyed hash) or {@code entity} with
 * {@code key} (one row of the data map and all below it) — a {@code reason}, an optional {@code
 * reference} (a case number) and an optional {@code expires_at} (ISO-8601 instant).
 */
public record HoldForm(
    String workspace,
    IdentityForm identity,
    String entity,
    String key,
    String reason,
    String reference,
    String expiresAt) {

  /** The identity a hold covers. */
  public record IdentityForm(String kind, String value) {
    @Override
    public String toString() {
      return "IdentityForm[kind=" + kind + ", value=<redacted>]";
    }
  }
}
