package dev.lethe.core.mail;

/**
 * A message Lethe sends to the person behind a deletion request. Each kind carries exactly the data
 * its templates show; the recipient's address is never part of it (see {@link
 * MailComposer#compose}).
 */
public sealed interface MailMessage
    permits Acknowledgement, VerificationMail, ConfirmationMail, RejectionMail {

  /** The template name under {@code lethe/mail/<language>/}. */
  String kind();
}
