package dev.lethe.core.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.deadline.ExtensionRefusedException;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.mail.CapturingMailer.CapturedMail;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.Contact;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.RequestEvent;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.VerificationRefusedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk carries requests from every door to the end: mails, verification, grace, holds. */
class DeskTest {

  @TempDir Path files;
  DeskFixture f;
  long workspace;
  String email;

  @BeforeEach
  void setUp() {
    f = new DeskFixture(files);
    List<Object> contact =
        f.hostRow("SELECT workspace_id, email FROM contacts WHERE email IS NOT NULL ORDER BY id");
    workspace = ((Number) contact.get(0)).longValue();
    email = (String) contact.get(1);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private NewRequest contactRequest() {
    return NewRequest.erasure(
            "contact",
            List.of(new Identity(IdentityKind.EMAIL, email)),
            "GDPR",
            RequestSource.EMAIL)
        .inWorkspace(String.valueOf(workspace));
  }

  /** A request about a person the host does not know, a different one for each {@code i}. */
  private NewRequest someoneElse(int i) {
    return NewRequest.erasure(
            "contact",
            List.of(new Identity(IdentityKind.EMAIL, "nobody-" + i + "@example.org")),
            "GDPR",
            RequestSource.EMAIL)
        .inWorkspace(String.valueOf(workspace));
  }

  private long contactsLeft() {
    return f.hostCount(
        "SELECT COUNT(*) FROM contacts WHERE workspace_id = ? AND email = ?", workspace, email);
  }

  private List<String> mailKinds() {
    return f.mailer.captured().stream().map(m -> m.mail().kind()).toList().reversed();
  }

  private CapturedMail lastMail(String kind) {
    return f.mailer.captured().stream()
        .filter(m -> m.mail().kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_request_without_a_contact_is_acknowledged_by_its_door_and_erased_at_once() {
    DeletionRequest received = f.desk.receive(contactRequest(), Actor.apiKey("key-1")).request();

    assertThat(received.acknowledgedAt()).isPresent();
    assertThat(received.deadline()).isPresent();
    f.work.drain();

    DeletionRequest done = f.requests.get(received.id());
    assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contactsLeft()).isZero();
    ReceiptSummary summary = f.desk.summary(done.id());
    assertThat(summary.total(Outcome.DELETED)).isPositive();
    assertThat(summary.verified()).isTrue();
    assertThat(summary.backupsClearedBy())
        .contains(summary.finishedAt().orElseThrow().plus(Duration.ofDays(30)));
    assertThat(f.ledger.verify().intact()).isTrue();
    assertThat(f.finished).hasSize(1);
    assertThat(f.mailer.captured()).isEmpty();
    assertThat(f.stateDump("lethe_ledger")).doesNotContain(email);
  }

  @Test
  void a_request_with_a_contact_is_acknowledged_then_confirmed_by_mail_and_the_address_forgotten() {
    DeletionRequest received =
        f.desk
            .receive(contactRequest().withContact(new Contact(email, "id")), Actor.operator("op-1"))
            .request();
    assertThat(received.acknowledgedAt()).isEmpty();

    f.work.drain();

    assertThat(mailKinds()).containsExactly("acknowledgement", "confirmation");
    CapturedMail confirmation = lastMail("confirmation");
    assertThat(confirmation.mail().to()).isEqualTo(email);
    assertThat(confirmation.mail().language()).isEqualTo("id");
    assertThat(confirmation.mail().text()).contains(received.confirmationCode());
    DeletionRequest done = f.requests.get(received.id());
    assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
    assertThat(done.acknowledgedAt()).isPresent();
    assertThat(f.requests.contact(done.id())).isEmpty();
    assertThat(f.stateDump("lethe_request_contacts")).isEmpty();
    assertThat(f.stateDump("lethe_request_identities")).isEmpty();
    assertThat(f.stateDump("lethe_requests")).doesNotContain(email);
  }

  @Test
  void a_mailed_link_verifies_the_request_once_and_then_it_is_erased() {
    DeletionRequest received =
        f.desk
            .receive(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    assertThat(received.state()).isEqualTo(RequestState.AWAITING_VERIFICATION);
    f.work.drain();
    assertThat(contactsLeft()).isPositive();
    String token = tokenIn(lastMail("verification").mail().text());

    f.desk.verifyByLink(token);
    f.work.drain();

    assertThat(f.requests.get(received.id()).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contactsLeft()).isZero();
    assertThatThrownBy(() -> f.desk.verifyByLink(token))
        .isInstanceOf(VerificationRefusedException.class);
  }

  @Test
  void a_request_left_to_staff_is_acknowledged_but_gets_no_link_and_waits_for_staff() {
    DeletionRequest received =
        f.desk
            .receiveForStaffVerification(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    f.work.drain();

    assertThat(received.state()).isEqualTo(RequestState.AWAITING_VERIFICATION);
    assertThat(mailKinds()).containsExactly("acknowledgement");
    assertThat(contactsLeft()).isPositive();

    f.desk.verifyManually(received.id(), Actor.operator("op-3"), "phone number checked");
    f.work.drain();

    assertThat(f.requests.get(received.id()).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contactsLeft()).isZero();
  }

  @Test
  void an_expired_link_verifies_nothing_and_a_new_one_can_be_sent() {
    DeletionRequest received =
        f.desk
            .receive(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    f.work.drain();
    String expired = tokenIn(lastMail("verification").mail().text());
    f.clock.advance(Duration.ofHours(49));

    assertThatThrownBy(() -> f.desk.verifyByLink(expired))
        .isInstanceOfSatisfying(
            VerificationRefusedException.class,
            e -> assertThat(e.why()).isEqualTo(VerificationRefusedException.Why.EXPIRED));
    f.desk.resendVerification(received.id());
    f.work.drain();
    String fresh = tokenIn(lastMail("verification").mail().text());

    assertThat(fresh).isNotEqualTo(expired);
    f.desk.verifyByLink(fresh);
    f.work.drain();
    assertThat(f.requests.get(received.id()).state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  void a_mailed_code_allows_five_wrong_guesses_and_no_more() {
    DeletionRequest received =
        f.desk
            .receive(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    f.work.drain();
    String code = codeIn(lastMail("verification").mail().text());
    String wrong = code.equals("000000") ? "111111" : "000000";

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> f.desk.verifyByCode(received.id(), wrong, Actor.subject()))
          .isInstanceOfSatisfying(
              VerificationRefusedException.class,
              e -> assertThat(e.why()).isEqualTo(VerificationRefusedException.Why.WRONG_CODE));
    }
    assertThatThrownBy(() -> f.desk.verifyByCode(received.id(), code, Actor.subject()))
        .isInstanceOfSatisfying(
            VerificationRefusedException.class,
            e -> assertThat(e.why()).isEqualTo(VerificationRefusedException.Why.TOO_MANY_ATTEMPTS));
    assertThat(f.requests.get(received.id()).state()).isEqualTo(RequestState.AWAITING_VERIFICATION);
  }

  @Test
  void the_right_code_verifies_the_request() {
    DeletionRequest received =
        f.desk
            .receive(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    f.work.drain();

    f.desk.verifyByCode(
        received.id(), codeIn(lastMail("verification").mail().text()), Actor.operator("op-2"));
    f.work.drain();

    assertThat(f.requests.get(received.id()).state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  void nothing_is_deleted_during_the_grace_period_and_a_cancelled_request_deletes_nothing() {
    DeletionRequest kept =
        f.desk
            .receive(
                contactRequest()
                    .withGracePeriod(Duration.ofDays(14))
                    .withContact(new Contact(email, "en")),
                Actor.subject())
            .request();
    assertThat(kept.state()).isEqualTo(RequestState.GRACE_PERIOD);
    f.work.drain();
    assertThat(contactsLeft()).isPositive();

    f.desk.cancel(kept.id(), Actor.subject());
    f.clock.advance(Duration.ofDays(15));
    f.work.drain();

    assertThat(f.requests.get(kept.id()).state()).isEqualTo(RequestState.CANCELLED);
    assertThat(contactsLeft()).isPositive();
    assertThat(f.requests.contact(kept.id())).isEmpty();
  }

  @Test
  void a_request_past_its_grace_period_is_erased() {
    DeletionRequest graced =
        f.desk
            .receive(contactRequest().withGracePeriod(Duration.ofDays(14)), Actor.subject())
            .request();
    f.clock.advance(Duration.ofDays(13));
    f.work.drain();
    assertThat(f.requests.get(graced.id()).state()).isEqualTo(RequestState.GRACE_PERIOD);

    f.clock.advance(Duration.ofDays(2));
    f.work.drain();

    assertThat(f.requests.get(graced.id()).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contactsLeft()).isZero();
  }

  @Test
  void rows_under_a_workspace_hold_are_kept_and_erased_once_the_hold_is_lifted() {
    f.holds.add(
        new LegalHold(
            "hold-ws",
            new LegalHold.Tenant(String.valueOf(workspace)),
            "litigation",
            Optional.empty()));
    DeletionRequest request =
        f.desk
            .receive(contactRequest().withContact(new Contact(email, "en")), Actor.subject())
            .request();

    f.work.drain();

    DeletionRequest held = f.requests.get(request.id());
    assertThat(held.state()).isEqualTo(RequestState.ON_HOLD);
    assertThat(held.holdIds()).containsExactly("hold-ws");
    assertThat(contactsLeft()).isPositive();
    assertThat(f.desk.summary(request.id()).total(Outcome.HELD)).isPositive();
    assertThat(mailKinds()).containsExactly("acknowledgement");

    f.holds.clear();
    assertThat(f.desk.holdLifted("hold-ws"))
        .extracting(DeletionRequest::id)
        .containsExactly(request.id());
    f.work.drain();

    assertThat(f.requests.get(request.id()).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(contactsLeft()).isZero();
    assertThat(f.desk.summary(request.id()).total(Outcome.HELD)).isZero();
    assertThat(f.ledger.byReference(request.id().toString())).hasSize(2);
    assertThat(mailKinds()).containsExactly("acknowledgement", "confirmation");
  }

  @Test
  void a_hold_that_lapses_is_released_by_the_sweep() {
    f.holds.add(
        new LegalHold(
            "hold-ws", new LegalHold.Tenant(String.valueOf(workspace)), "audit", Optional.empty()));
    UUID id = f.desk.receive(contactRequest(), Actor.subject()).request().id();
    f.work.drain();
    assertThat(f.requests.get(id).state()).isEqualTo(RequestState.ON_HOLD);

    f.holds.clear();
    f.desk.sweep();
    f.work.drain();

    assertThat(f.requests.get(id).state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  void the_sweep_releases_every_request_whose_hold_lapsed_not_only_its_first_page() {
    int held = LostSteps.PAGE + 7;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < held; i++) {
      UUID id = f.requests.receive(someoneElse(i), Actor.subject()).id();
      f.requests.schedule(id, Actor.system());
      ids.add(f.requests.hold(id, "hold-lapsed", Actor.system()).id());
    }

    f.desk.sweep();

    assertThat(ids)
        .allSatisfy(
            id -> assertThat(f.requests.get(id).state()).isNotEqualTo(RequestState.ON_HOLD));
    assertThat(f.work.pending())
        .extracting(QueuedWork.Step::request)
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void the_sweep_queues_a_request_whose_step_was_lost() {
    UUID id = f.requests.receive(contactRequest(), Actor.subject()).id();
    assertThat(f.work.pending()).isEmpty();

    f.desk.sweep();
    f.work.drain();

    assertThat(f.requests.get(id).state()).isEqualTo(RequestState.COMPLETED);
  }

  @Test
  void the_sweep_goes_through_every_open_request_not_only_its_first_page() {
    int open = LostSteps.PAGE * 2 + 3;
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < open; i++) {
      ids.add(f.requests.receive(someoneElse(i), Actor.subject()).id());
    }
    UUID done = f.desk.receive(contactRequest(), Actor.subject()).request().id();
    f.work.drain();
    assertThat(f.requests.get(done).state()).isEqualTo(RequestState.COMPLETED);
    assertThat(f.work.pending()).isEmpty();

    f.desk.sweep();

    assertThat(f.work.pending())
        .extracting(QueuedWork.Step::request)
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_rejected_request_is_mailed_its_reason_and_deletes_nothing() {
    UUID id =
        f.desk
            .receive(
                contactRequest().withVerification().withContact(new Contact(email, "en")),
                Actor.subject())
            .request()
            .id();

    f.desk.reject(id, "we could not verify that the request is yours", Actor.operator("op-1"));
    f.work.drain();

    assertThat(mailKinds()).containsExactly("acknowledgement", "rejection");
    assertThat(lastMail("rejection").mail().text()).contains("could not verify");
    assertThat(contactsLeft()).isPositive();
    assertThat(f.requests.contact(id)).isEmpty();
  }

  @Test
  void a_gdpr_request_can_be_extended_with_a_reason_within_the_law() {
    DeletionRequest request =
        f.desk.receive(contactRequest().withVerification(), Actor.subject()).request();
    var due = request.deadline().orElseThrow().completeBy();

    DeletionRequest extended =
        f.desk.extend(request.id(), "many systems to search", Span.months(1), Actor.operator("op"));

    assertThat(extended.deadline().orElseThrow().completeBy()).isAfter(due);
    assertThat(f.requests.events(request.id()))
        .extracting(RequestEvent::note)
        .anySatisfy(
            n -> assertThat(n).hasValueSatisfying(t -> assertThat(t).contains("many systems")));
    assertThatThrownBy(
            () -> f.desk.extend(request.id(), "more", Span.months(3), Actor.operator("op")))
        .isInstanceOf(ExtensionRefusedException.class);
  }

  @Test
  void overdue_requests_are_listed_as_such() {
    DeletionRequest waiting =
        f.desk.receive(contactRequest().withVerification(), Actor.subject()).request();

    assertThat(f.store.list(RequestFilter.all().overdueAt(f.clock.instant()))).isEmpty();
    f.clock.advance(Duration.ofDays(31));

    assertThat(f.store.list(RequestFilter.all().overdueAt(f.clock.instant())))
        .extracting(DeletionRequest::id)
        .containsExactly(waiting.id());
    assertThat(f.requests.get(waiting.id()).isOverdue(f.clock.instant())).isTrue();
  }

  @Test
  void a_preview_counts_without_deleting() {
    var preview =
        f.desk.preview(
            new dev.lethe.core.plan.ErasureRequest(
                "contact",
                List.of(new Identity(IdentityKind.EMAIL, email)),
                Optional.of(String.valueOf(workspace)),
                java.util.Map.of()));

    assertThat(preview.total(Outcome.DELETED)).isPositive();
    assertThat(contactsLeft()).isPositive();
  }

  @Test
  void a_retention_sweep_purges_aged_data_and_records_each_rule_in_the_ledger() {
    var outcomes = f.desk.sweepRetention();

    assertThat(outcomes).isNotEmpty();
    assertThat(outcomes.stream().mapToLong(o -> o.total(Outcome.DELETED)).sum()).isPositive();
    assertThat(f.ledger.verify().intact()).isTrue();
    assertThat(f.ledger.find(f.ledger.head().seq()).orElseThrow().type())
        .isEqualTo(Desk.RETENTION_ENTRY);
    assertThat(f.ledger.head().seq()).isEqualTo(outcomes.size());
  }

  private static String tokenIn(String text) {
    Matcher m = Pattern.compile("token=([0-9A-Z]{32})").matcher(text);
    assertThat(m.find()).as("a verification link in the mail").isTrue();
    return m.group(1);
  }

  private static String codeIn(String text) {
    Matcher m = Pattern.compile("\\b(\\d{6})\\b").matcher(text);
    assertThat(m.find()).as("a six-digit code in the mail").isTrue();
    return m.group(1);
  }
}
