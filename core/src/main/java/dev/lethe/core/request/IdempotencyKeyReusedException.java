package dev.lethe.core.request;

/**
 * An idempotency key came again with a different request (another scope, workspace, person or
 * parameters): answering with the first request would hide the second, so it is refused.
 */
public class IdempotencyKeyReusedException extends InvalidRequestException {

  public IdempotencyKeyReusedException() {
    super("this idempotency key was used for a different request; use a new key for a new request");
  }
}
