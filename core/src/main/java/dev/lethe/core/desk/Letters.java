package dev.lethe.core.desk;

import dev.lethe.core.mail.Acknowledgement;
import dev.lethe.core.mail.ConfirmationMail;
import dev.lethe.core.mail.MailDeliveryException;
import dev.lethe.core.mail.MailMessage;
import dev.lethe.core.mail.RejectionMail;
import dev.lethe.core.mail.VerificationMail;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.Contact;
import dev.lethe.core.request.Deadline;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.Verifications;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes to the person behind a request. A mail whose moment has passed (a verification for a
 * request no longer waiting for one) is not sent. After the last mail (confirmation or rejection)
 * the address is deleted. A server that cannot be reached is retried by {@link Work}; an address
 * the server refuses is given up, noted on the request (without the address), and forgotten.
 */
final class Letters {

  private final DeskParts parts;
  private final Requests requests;

  Letters(DeskParts parts) {
    this.parts = parts;
    this.requests = parts.requests();
  }

  void send(UUID id, MailKind kind) {
    Optional<Contact> contact = requests.contact(id);
    if (contact.isEmpty()) {
      return;
    }
    DeletionRequest request = requests.get(id);
    Optional<MailMessage> message = message(request, kind);
    if (message.isEmpty()) {
      return;
    }
    try {
      parts
          .mailer()
          .send(
              parts
                  .composer()
                  .compose(message.get(), contact.get().language(), contact.get().address()));
    } catch (MailDeliveryException e) {
      if (e.reason() == MailDeliveryException.Reason.SERVER_UNREACHABLE) {
        throw e;
      }
      requests.note(id, Actor.system(), kind.code() + " mail not delivered: " + e.reason().name());
      requests.forgetContact(id);
      return;
    }
    if (kind == MailKind.ACKNOWLEDGEMENT) {
      requests.acknowledge(id, Actor.system());
    }
    if (kind.isLast()) {
      requests.forgetContact(id);
    }
  }

  private Optional<MailMessage> message(DeletionRequest request, MailKind kind) {
    String code = request.confirmationCode();
    var statusUrl = parts.settings().get().statusUrl(code);
    return switch (kind) {
      case ACKNOWLEDGEMENT ->
          Optional.of(
              new Acknowledgement(
                  code,
                  statusUrl,
                  request.receivedAt(),
                  request.deadline().map(Deadline::completeBy).orElse(request.receivedAt())));
      case VERIFICATION -> {
        if (request.state() != RequestState.AWAITING_VERIFICATION) {
          yield Optional.empty();
        }
        Verifications.Issued issued =
            parts
                .verifications()
                .issue(request.id(), parts.settings().get().verificationValidity());
        yield Optional.of(
            VerificationMail.withLinkAndCode(
                parts.settings().get().verificationUrl(issued.token()),
                issued.code(),
                issued.expiresAt()));
      }
      case CONFIRMATION -> {
        if (request.state() != RequestState.COMPLETED) {
          yield Optional.empty();
        }
        yield Optional.of(confirmation(request, parts.receipts().of(request.id())));
      }
      case REJECTION ->
          request.state() == RequestState.REJECTED
              ? Optional.of(
                  new RejectionMail(code, request.rejectionReason().orElse("not given"), statusUrl))
              : Optional.empty();
    };
  }

  private ConfirmationMail confirmation(DeletionRequest request, List<Receipt> receipts) {
    ReceiptSummary summary = ReceiptSummary.of(receipts);
    Instant completed = summary.finishedAt().orElse(request.updatedAt());
    return new ConfirmationMail(
        request.confirmationCode(),
        completed,
        summary.lines().stream()
            .filter(l -> l.deleted() + l.anonymized() > 0)
            .map(
                l ->
                    new ConfirmationMail.Deleted(
                        category(l.entity()), l.deleted() + l.anonymized()))
            .toList(),
        summary.lines().stream()
            .filter(l -> l.retained() > 0 && l.retainedUntil() != null)
            .map(
                l ->
                    new ConfirmationMail.Retained(
                        category(l.entity()),
                        l.retentionBasis() == null ? "legal obligation" : l.retentionBasis(),
                        l.retainedUntil().atStartOfDay().toInstant(ZoneOffset.UTC)))
            .toList(),
        summary.backupsClearedBy().orElse(completed),
        parts.settings().get().statusUrl(request.confirmationCode()));
  }

  /** {@code kb_chunks} → {@code Kb chunks}: the data map's entity names, readable. */
  static String category(String entity) {
    String words = entity.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
