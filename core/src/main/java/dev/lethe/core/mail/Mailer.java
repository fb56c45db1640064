package dev.lethe.core.mail;

/** Sends rendered mail. Implementations never log recipients or bodies. */
public interface Mailer {

  /**
   * Sends the mail and returns its Message-ID.
   *
   * @throws MailDeliveryException when the mail could not be handed over; its message names no
   *     recipient
   */
  String send(OutgoingMail mail);
}
