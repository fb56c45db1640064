package dev.lethe.core.request;

import dev.lethe.core.LetheException;
import java.util.UUID;
import java.util.stream.Collectors;

/** A request asked to move where its state machine does not allow, or not yet. */
public class IllegalTransitionException extends LetheException {

  public IllegalTransitionException(String message) {
    super(message);
  }

  static IllegalTransitionException of(UUID id, RequestState from, RequestState to) {
    String allowed =
        from.allowedNext().isEmpty()
            ? "none, it is " + from.code() + " for good"
            : from.allowedNext().stream().map(RequestState::code).collect(Collectors.joining(", "));
    return new IllegalTransitionException(
        "request "
            + id
            + " cannot move from "
            + from.code()
            + " to "
            + to.code()
            + " (allowed: "
            + allowed
            + ")");
  }
}
