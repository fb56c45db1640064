package dev.lethe.core.request;

import static dev.lethe.core.request.RequestFixture.START;
import static dev.lethe.core.request.RequestFixture.email;
import static dev.lethe.core.request.RequestFixture.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.CountingDataSource;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.Sealer;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Taking requests in, merging duplicates, and what is kept of the subject, on each database. */
abstract class RequestIntakeContract {

  static final Identity CAROL = email("carol@example.com");
  static final Identity CAROL_PHONE = phone("+6281234567890");

  RequestFixture fixture;
  Requests requests;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    fixture = new RequestFixture(kind());
    requests = fixture.requests;
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static NewRequest carol(RequestSource source, Identity... identities) {
    return NewRequest.erasure("contact", List.of(identities), "ID", source).inWorkspace("10");
  }

  @Test
  void a_new_request_is_inserted_without_a_read_and_a_repeat_is_read_once_its_insert_is_refused() {
    CountingDataSource counting = new CountingDataSource(fixture.db.dataSource());
    Requests counted =
        new Requests(
            RequestStore.open(counting.dataSource(), fixture.vendor),
            fixture.hasher,
            new Sealer(RequestFixture.SECRET),
            fixture.clock);
    NewRequest callback = fixture.someone().withIdempotencyKey("meta-callback-1");
    counting.sent.clear();

    DeletionRequest stored = counted.receive(callback, Actor.meta("app-1"));

    assertThat(counting.sent).extracting(CountingDataSource.Sent::sql).noneMatch(SELECT::test);
    DeletionRequest again = counted.receive(callback, Actor.meta("app-1"));
    assertThat(again.id()).isEqualTo(stored.id());
    assertThat(counting.sent).extracting(CountingDataSource.Sent::sql).anyMatch(SELECT::test);
    DeletionRequest duplicate =
        counted.receive(
            NewRequest.erasure("contact", callback.identities(), "EU", RequestSource.WEB_FORM),
            Actor.subject());
    assertThat(duplicate.id()).isEqualTo(stored.id());
    assertThat(fixture.store.list(RequestFilter.all())).hasSize(1);
  }

  private static final java.util.function.Predicate<String> SELECT =
      sql -> sql.stripLeading().startsWith("select");

  @Test
  void a_duplicate_of_an_open_request_is_merged_into_it_whatever_the_order_of_identities() {
    DeletionRequest first =
        requests.receive(carol(RequestSource.WEB_FORM, CAROL, CAROL_PHONE), Actor.subject());
    DeletionRequest second =
        requests.receive(carol(RequestSource.EMAIL, CAROL_PHONE, CAROL), Actor.operator("op-1"));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.confirmationCode()).isEqualTo(first.confirmationCode());
    assertThat(requests.events(first.id()))
        .extracting(e -> e.note().orElse(""))
        .containsExactly("received from web_form", "merged a duplicate request from email");
    assertThat(fixture.store.list(RequestFilter.all())).hasSize(1);
  }

  @Test
  void requests_differing_in_workspace_identities_or_parameters_are_not_merged() {
    DeletionRequest first = requests.receive(carol(RequestSource.API, CAROL), Actor.subject());
    NewRequest otherWorkspace = carol(RequestSource.API, CAROL).inWorkspace("11");
    NewRequest moreIdentities = carol(RequestSource.API, CAROL, CAROL_PHONE);
    NewRequest withParams =
        new NewRequest(
            RequestType.ERASURE,
            "contact",
            List.of(CAROL),
            Optional.of("10"),
            Map.of("before", "2024-01-01"),
            "ID",
            RequestSource.API,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    Set<Object> ids = new HashSet<>();
    ids.add(first.id());
    for (NewRequest other : List.of(otherWorkspace, moreIdentities, withParams)) {
      ids.add(requests.receive(other, Actor.subject()).id());
    }
    assertThat(ids).hasSize(4);
  }

  @Test
  void the_same_request_arriving_at_once_on_many_threads_is_stored_once() throws Exception {
    NewRequest same = carol(RequestSource.META_CALLBACK, CAROL);
    var start = new java.util.concurrent.CountDownLatch(1);
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
      List<java.util.concurrent.Future<DeletionRequest>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return requests.receive(same, Actor.meta("1234"));
                }));
      }
      start.countDown();
      Set<Object> ids = new HashSet<>();
      for (var answer : answers) {
        ids.add(answer.get().id());
      }
      assertThat(ids).hasSize(1);
    }
    assertThat(fixture.store.list(RequestFilter.all())).hasSize(1);
  }

  @Test
  void the_same_idempotency_key_arriving_at_once_on_many_threads_adds_no_event() throws Exception {
    NewRequest callback =
        carol(RequestSource.META_CALLBACK, CAROL).withIdempotencyKey("signed-request-fingerprint");
    int threads = 16;
    var ready = new java.util.concurrent.CountDownLatch(threads);
    var start = new java.util.concurrent.CountDownLatch(1);
    Set<Object> ids = new HashSet<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      List<java.util.concurrent.Future<DeletionRequest>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return requests.receive(callback, Actor.meta("1234"));
                }));
      }
      ready.await();
      start.countDown();
      for (var answer : answers) {
        ids.add(answer.get().id());
      }
    }
    assertThat(ids).hasSize(1);
    DeletionRequest only = fixture.store.list(RequestFilter.all()).getFirst();
    assertThat(requests.events(only.id()))
        .extracting(e -> e.note().orElse(""))
        .containsExactly("received from meta_callback");
  }

  @Test
  void different_requests_arriving_at_once_are_each_stored_whole_under_their_own_key()
      throws Exception {
    int threads = 24;
    List<NewRequest> asked = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      NewRequest one = fixture.someone().withIdempotencyKey("key-" + i);
      if (i % 2 == 0) {
        one = one.withContact(new Contact("person-" + i + "@example.com", "en"));
      }
      asked.add(i % 3 == 0 ? one.withVerification() : one);
    }
    var ready = new java.util.concurrent.CountDownLatch(threads);
    var start = new java.util.concurrent.CountDownLatch(1);
    List<DeletionRequest> stored = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      List<java.util.concurrent.Future<DeletionRequest>> answers = new ArrayList<>();
      for (NewRequest one : asked) {
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return requests.receive(one, Actor.subject());
                }));
      }
      ready.await();
      start.countDown();
      for (var answer : answers) {
        stored.add(answer.get());
      }
    }

    assertThat(fixture.store.list(RequestFilter.all())).hasSize(threads);
    for (int i = 0; i < threads; i++) {
      DeletionRequest request = stored.get(i);
      assertThat(fixture.store.find(request.id())).contains(request);
      assertThat(fixture.store.sealedIdentities(request.id())).hasSize(1);
      assertThat(requests.contact(request.id()).isPresent()).isEqualTo(i % 2 == 0);
      assertThat(requests.events(request.id())).hasSize(i % 3 == 0 ? 2 : 1);
      assertThat(requests.receive(asked.get(i), Actor.subject()).id()).isEqualTo(request.id());
    }
  }

  @Test
  void a_request_that_has_ended_is_not_merged_into() {
    DeletionRequest first = requests.receive(carol(RequestSource.API, CAROL), Actor.subject());
    requests.cancel(first.id(), Actor.subject());

    DeletionRequest again = requests.receive(carol(RequestSource.API, CAROL), Actor.subject());

    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.state()).isEqualTo(RequestState.RECEIVED);
    assertThat(requests.events(first.id())).hasSize(2);
  }

  @Test
  void the_same_idempotency_key_returns_the_same_request_and_code() {
    NewRequest callback =
        carol(RequestSource.META_CALLBACK, CAROL).withIdempotencyKey("signed-request-fingerprint");
    DeletionRequest first = requests.receive(callback, Actor.meta("1234"));
    fixture.clock.advance(Duration.ofMinutes(5));
    DeletionRequest retried = requests.receive(callback, Actor.meta("1234"));

    assertThat(retried.id()).isEqualTo(first.id());
    assertThat(retried.confirmationCode()).isEqualTo(first.confirmationCode());
    assertThat(requests.events(first.id())).hasSize(1);
  }

  @Test
  void a_merged_request_answers_its_own_idempotency_key_without_merging_again() {
    DeletionRequest open = requests.receive(carol(RequestSource.WEB_FORM, CAROL), Actor.subject());
    NewRequest callback = carol(RequestSource.META_CALLBACK, CAROL).withIdempotencyKey("fp-1");

    assertThat(requests.receive(callback, Actor.meta("1234")).id()).isEqualTo(open.id());
    assertThat(requests.receive(callback, Actor.meta("1234")).id()).isEqualTo(open.id());
    assertThat(requests.events(open.id())).hasSize(2);
  }

  @Test
  void identities_are_sealed_at_rest_and_only_their_hashes_remain_after_completion()
      throws Exception {
    DeletionRequest request =
        requests.receive(carol(RequestSource.SELF_SERVICE, CAROL, CAROL_PHONE), Actor.subject());

    assertThat(request.identitiesSealed()).isTrue();
    assertThat(requests.openIdentities(request.id())).containsExactly(CAROL, CAROL_PHONE);
    assertThat(requests.erasureRequest(request.id()).identities())
        .containsExactly(CAROL, CAROL_PHONE);
    assertThat(rawText()).doesNotContain("carol@example.com", "6281234567890").isNotEmpty();
    assertThat(rowCount("lethe_request_identities")).isEqualTo(2);

    finish(request);

    DeletionRequest done = requests.get(request.id());
    assertThat(done.identitiesSealed()).isFalse();
    assertThat(requests.openIdentities(request.id())).isEmpty();
    assertThat(rowCount("lethe_request_identities")).isZero();
    assertThat(done.identityHashes())
        .containsExactlyInAnyOrder(fixture.hasher.hash(CAROL), fixture.hasher.hash(CAROL_PHONE));
    assertThat(rawText()).doesNotContain("carol@example.com", "6281234567890");
  }

  private void finish(DeletionRequest request) {
    Actor system = Actor.system();
    requests.schedule(request.id(), system);
    requests.markRunning(request.id(), "run-1", system);
    requests.markVerifying(request.id(), system);
    requests.complete(request.id(), "{}", system);
  }

  @Test
  void requests_taken_in_one_after_another_are_keyed_in_the_order_they_arrived() throws Exception {
    List<String> arrived = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      DeletionRequest request = requests.receive(fixture.someone(), Actor.subject());
      assertThat(request.id().version()).isEqualTo(7);
      arrived.add(request.id().toString());
      Thread.sleep(2);
    }

    // the primary key's order, in each database's own collation: new rows go at its end
    List<String> keyed = new ArrayList<>();
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id from lethe_requests order by id")) {
      while (rs.next()) {
        keyed.add(rs.getString(1));
      }
    }
    assertThat(keyed).containsExactlyElementsOf(arrived);
  }

  @Test
  void times_are_stored_in_utc_whatever_the_session_time_zone() throws Exception {
    DeletionRequest request = requests.receive(carol(RequestSource.API, CAROL), Actor.subject());

    assertThat(request.receivedAt()).isEqualTo(START);
    assertThat(requests.get(request.id()).receivedAt()).isEqualTo(START);
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select received_at from lethe_requests")) {
      rs.next();
      assertThat(rs.getObject(1, LocalDateTime.class))
          .isEqualTo(LocalDateTime.ofInstant(START, ZoneOffset.UTC));
    }
  }

  @Test
  void requests_are_listed_oldest_first_by_state_source_and_time_and_in_pages() {
    List<DeletionRequest> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RequestSource source = i % 2 == 0 ? RequestSource.API : RequestSource.EMAIL;
      NewRequest person = fixture.someone();
      made.add(
          requests.receive(
              NewRequest.erasure("contact", person.identities(), "EU", source), Actor.subject()));
      fixture.clock.advance(Duration.ofHours(1));
    }
    requests.cancel(made.get(4).id(), Actor.subject());

    assertThat(fixture.store.list(RequestFilter.all()))
        .extracting(DeletionRequest::id)
        .containsExactlyElementsOf(made.stream().map(DeletionRequest::id).toList());
    assertThat(
            fixture.store.list(
                RequestFilter.all()
                    .inStates(Set.of(RequestState.RECEIVED))
                    .fromSources(Set.of(RequestSource.API))))
        .extracting(DeletionRequest::id)
        .containsExactly(made.get(0).id(), made.get(2).id());
    assertThat(
            fixture.store.list(
                RequestFilter.all()
                    .receivedBetween(
                        START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(3)))))
        .extracting(DeletionRequest::id)
        .containsExactly(made.get(1).id(), made.get(2).id());
    assertThat(fixture.store.list(RequestFilter.all().page(3, 2)))
        .extracting(DeletionRequest::id)
        .containsExactly(made.get(3).id(), made.get(4).id());
  }

  @Test
  void requests_are_counted_by_state() {
    fixture.requestIn(RequestState.RECEIVED);
    fixture.requestIn(RequestState.RECEIVED);
    fixture.requestIn(RequestState.COMPLETED);

    Map<RequestState, Long> counts = fixture.store.countByState();

    assertThat(counts).containsEntry(RequestState.RECEIVED, 2L);
    assertThat(counts).containsEntry(RequestState.COMPLETED, 1L);
    assertThat(counts).containsEntry(RequestState.FAILED, 0L);
    assertThat(counts).hasSize(RequestState.values().length);
  }

  @Test
  void confirmation_codes_are_unique_well_formed_and_find_their_request() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      DeletionRequest request = requests.receive(fixture.someone(), Actor.subject());
      assertThat(ConfirmationCodes.isWellFormed(request.confirmationCode())).isTrue();
      codes.add(request.confirmationCode());
      assertThat(fixture.store.findByConfirmationCode(request.confirmationCode()))
          .map(DeletionRequest::id)
          .contains(request.id());
    }
    assertThat(codes).hasSize(30);
  }

  @Test
  void a_confirmation_code_handed_out_by_the_caller_is_kept() {
    NewRequest person = fixture.someone();
    NewRequest withCode =
        new NewRequest(
            person.type(),
            person.scope(),
            person.identities(),
            person.workspace(),
            person.params(),
            person.jurisdiction(),
            RequestSource.META_CALLBACK,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.of("META7F3K9Q2XW8"),
            Optional.empty());
    DeletionRequest request = requests.receive(withCode, Actor.meta("1234"));
    assertThat(request.confirmationCode()).isEqualTo("META7F3K9Q2XW8");
    assertThat(fixture.store.findByConfirmationCode("META7F3K9Q2XW8")).isPresent();
  }

  @Test
  void a_filter_based_request_carries_no_identities() {
    NewRequest botUsers =
        new NewRequest(
            RequestType.ERASURE,
            "bot_users",
            List.of(),
            Optional.of("10"),
            Map.of("bot", "7", "first_conversation", "2024-01-01..2024-02-01"),
            "ID",
            RequestSource.ADMIN,
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    DeletionRequest request = requests.receive(botUsers, Actor.operator("op-1"));

    assertThat(request.identitiesSealed()).isFalse();
    assertThat(requests.get(request.id()).params()).containsEntry("bot", "7");
    assertThat(requests.erasureRequest(request.id()).params()).containsEntry("bot", "7");
    assertThat(requests.receive(botUsers, Actor.operator("op-2")).id()).isEqualTo(request.id());
  }

  /** Every text value of every request table, as the database holds it. */
  private String rawText() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String table :
        List.of(
            "lethe_requests",
            "lethe_request_identities",
            "lethe_request_keys",
            "lethe_request_events")) {
      try (Connection c = fixture.db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select * from " + table)) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            all.append(rs.getString(i)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  private long rowCount(String table) throws Exception {
    try (Connection c = fixture.db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void a_request_gets_its_due_dates_at_receipt_from_its_jurisdiction_and_source() {
    DeletionRequest gdpr =
        requests.receive(
            NewRequest.erasure("contact", List.of(CAROL), "EU", RequestSource.EMAIL),
            Actor.subject());
    DeletionRequest ccpa =
        requests.receive(
            NewRequest.erasure("contact", List.of(CAROL_PHONE), "US-CA", RequestSource.API),
            Actor.subject());

    // the fixture promises completion within 30 days: earlier than GDPR's month from 1 March
    Deadline eu = fixture.store.find(gdpr.id()).orElseThrow().deadline().orElseThrow();
    assertThat(eu.completeBy()).isEqualTo(Instant.parse("2025-03-31T10:15:30.123Z"));
    assertThat(eu.completeRule()).contains("promise");
    assertThat(eu.acknowledgeBy()).isEmpty();
    // CCPA asks for an acknowledgement within 10 business days: Friday 14 March
    Deadline ca = fixture.store.find(ccpa.id()).orElseThrow().deadline().orElseThrow();
    assertThat(ca.acknowledgeBy()).contains(Instant.parse("2025-03-14T10:15:30.123Z"));
    assertThat(ca.completeBy()).isEqualTo(Instant.parse("2025-03-31T10:15:30.123Z"));
  }

  @Test
  void an_unknown_jurisdiction_is_refused_naming_the_known_ones() {
    assertThatThrownBy(
            () -> NewRequest.erasure("contact", List.of(CAROL), "FR", RequestSource.EMAIL))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("GDPR")
        .hasMessageContaining("US-CA");
  }

  @Test
  void a_contact_address_is_kept_sealed_until_forgotten() throws Exception {
    DeletionRequest request =
        requests.receive(
            carol(RequestSource.EMAIL, CAROL).withContact(new Contact("Carol@Example.com", "id")),
            Actor.subject());

    assertThat(requests.contact(request.id())).contains(new Contact("Carol@Example.com", "id"));
    assertThat(columnsOf("lethe_request_contacts")).doesNotContain("Carol@Example.com");
    requests.forgetContact(request.id());
    assertThat(requests.contact(request.id())).isEmpty();
    assertThat(columnsOf("lethe_request_contacts")).isEmpty();
  }

  @Test
  void a_merged_request_lends_its_contact_to_the_open_one_that_lacks_it() {
    DeletionRequest first = requests.receive(carol(RequestSource.API, CAROL), Actor.subject());

    Received second =
        requests.take(
            carol(RequestSource.WEB_FORM, CAROL)
                .withContact(new Contact("carol@example.com", "en")),
            Actor.subject());

    assertThat(second.created()).isFalse();
    assertThat(second.request().id()).isEqualTo(first.id());
    assertThat(requests.contact(first.id())).isPresent();
  }

  @Test
  void a_request_with_no_address_is_acknowledged_by_its_door_one_with_an_address_by_mail() {
    DeletionRequest answered = requests.receive(fixture.someone(), Actor.subject());
    DeletionRequest mailed =
        requests.receive(
            fixture.someone().withContact(new Contact("someone@example.com", "en")),
            Actor.subject());

    assertThat(answered.acknowledgedAt()).contains(RequestFixture.START);
    assertThat(mailed.acknowledgedAt()).isEmpty();
  }

  @Test
  void acknowledging_twice_keeps_the_first_time() {
    DeletionRequest request = requests.receive(fixture.someone(), Actor.subject());
    Instant first =
        requests.acknowledge(request.id(), Actor.system()).acknowledgedAt().orElseThrow();
    fixture.clock.advance(Duration.ofHours(1));

    assertThat(requests.acknowledge(request.id(), Actor.system()).acknowledgedAt()).contains(first);
  }

  /** Every value of every row of a table, as text. */
  private String columnsOf(String table) throws Exception {
    StringBuilder out = new StringBuilder();
    try (var c = fixture.db.dataSource().getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT * FROM " + table)) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(rs.getString(i)).append('|');
        }
      }
    }
    return out.toString();
  }
}
