package dev.lethe.core.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CapturingMailerTest {
  private final MailComposer composer = new MailComposer(ZoneId.of("Asia/Jakarta"));

  @Test
  void it_keeps_only_the_newest_mails_newest_first() {
    CapturingMailer mailer = new CapturingMailer(2);

    mailer.send(composer.compose(Mails.acknowledgement(), "en", "one@example.test"));
    mailer.send(composer.compose(Mails.verification(), "en", "two@example.test"));
    String newest = mailer.send(composer.compose(Mails.confirmation(), "id", "three@example.test"));

    assertThat(mailer.captured())
        .extracting(captured -> captured.mail().to())
        .containsExactly("three@example.test", "two@example.test");
    assertThat(mailer.captured().getFirst().messageId()).isEqualTo(newest);
  }

  @Test
  void clearing_forgets_every_mail() {
    CapturingMailer mailer = new CapturingMailer(5);
    mailer.send(composer.compose(Mails.acknowledgement(), "en", "one@example.test"));

    mailer.clear();

    assertThat(mailer.captured()).isEmpty();
  }
}
