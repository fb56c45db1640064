package dev.lethe.core.request;

import java.util.Objects;

/**
 * What {@link Requests#take} made of a new request.
 *
 * @param created true when it was stored as a new request; false when it was answered with an
 *     existing one (the same idempotency key, or merged into an open duplicate)
 */
public record Received(DeletionRequest request, boolean created) {
  public Received {
    Objects.requireNonNull(request, "request");
  }
}
