package dev.lethe.core.mail;

import dev.lethe.core.mail.MailDeliveryException.Reason;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;

/**
 * Turns Jakarta Mail failures into {@link MailDeliveryException}s whose messages name the server
 * and the mail kind but never an address: server replies and {@link AddressException}s quote
 * addresses, so their texts are dropped.
 */
final class SmtpFailures {
  private SmtpFailures() {}

  static InternetAddress parseRecipient(String address) throws AddressException {
    InternetAddress parsed = new InternetAddress(address, true);
    parsed.validate();
    return parsed;
  }

  static InternetAddress parseConfigured(String address, String setting) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      return parsed;
    } catch (AddressException e) {
      throw new IllegalArgumentException("the " + setting + " address is not a valid address");
    }
  }

  static MailDeliveryException describe(MessagingException e, String kind, SmtpSettings server) {
    Reason reason = reason(e);
    String message =
        "could not send the %s mail through %s:%d: %s"
            .formatted(kind, server.host(), server.port(), words(reason));
    return new MailDeliveryException(reason, message);
  }

  private static Reason reason(MessagingException e) {
    if (e instanceof AddressException) {
      return Reason.INVALID_ADDRESS;
    }
    if (e instanceof AuthenticationFailedException) {
      return Reason.AUTHENTICATION_FAILED;
    }
    if (e instanceof SendFailedException sendFailed) {
      return sendFailed.getInvalidAddresses() != null && sendFailed.getInvalidAddresses().length > 0
          ? Reason.RECIPIENT_REFUSED
          : Reason.REJECTED;
    }
    // Refused connections, unknown hosts, timeouts and broken TLS all arrive as I/O causes.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return Reason.SERVER_UNREACHABLE;
      }
    }
    return Reason.FAILED;
  }

  private static String words(Reason reason) {
    return switch (reason) {
      case SERVER_UNREACHABLE -> "the server cannot be reached";
      case AUTHENTICATION_FAILED -> "the server refused the login";
      case INVALID_ADDRESS -> "the recipient address is not valid";
      case RECIPIENT_REFUSED -> "the server refused the recipient";
      case REJECTED -> "the server did not accept the mail";
      case FAILED -> "the mail server failed";
    };
  }
}
