package dev.lethe.server.api.mail;

import dev.lethe.core.apikey.Permission;
import dev.lethe.core.mail.CapturingMailer;
import dev.lethe.core.mail.Mailer;
import dev.lethe.server.api.ApiCaller;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /v1/mail}: the mails captured instead of sent ({@code lethe.mail.mode=capture}, the
 * demo's default), newest first. Not found when mail goes out over SMTP.
 */
@RestController
@RequestMapping(path = "/v1/mail", produces = "application/json")
class CapturedMailController {

  private final Mailer mailer;

  CapturedMailController(Mailer mailer) {
    this.mailer = mailer;
  }

  /** One captured mail, whole: it is the demo's outbox. */
  record MailView(
      String messageId,
      Instant sentAt,
      String to,
      String kind,
      String language,
      String subject,
      String text,
      String html) {}

  @GetMapping
  List<MailView> captured(ApiCaller caller) {
    caller.require(Permission.REQUESTS_READ);
    caller.requireUnrestricted("read the captured mail");
    if (!(mailer instanceof CapturingMailer capturing)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "mail is sent over SMTP, not captured");
    }
    return capturing.captured().stream()
        .map(
            m ->
                new MailView(
                    m.messageId(),
                    m.sentAt(),
                    m.mail().to(),
                    m.mail().kind(),
                    m.mail().language(),
                    m.mail().subject(),
                    m.mail().text(),
                    m.mail().html()))
        .toList();
  }
}
