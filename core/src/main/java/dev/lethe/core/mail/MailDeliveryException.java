package dev.lethe.core.mail;

import dev.lethe.core.LetheException;

/**
 * A mail could not be handed to the mail server. The message says why in words safe to log; the
 * underlying exception is not chained because mail servers echo recipient addresses in theirs.
 */
public class MailDeliveryException extends LetheException {
  private final Reason reason;

  public MailDeliveryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why delivery failed; {@link #SERVER_UNREACHABLE} may pass on a later try. */
  public enum Reason {
    SERVER_UNREACHABLE,
    AUTHENTICATION_FAILED,
    INVALID_ADDRESS,
    RECIPIENT_REFUSED,
    REJECTED,
    FAILED
  }
}
