package dev.lethe.core.request;

import static dev.lethe.core.request.RequestFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.CountingDataSource;
import dev.lethe.core.identity.Sealer;
import dev.lethe.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * New requests committed together: one insert a table, all of them sent at once on PostgreSQL,
 * every value read back as written.
 */
class RequestInsertTest {

  private static final Sealer SEALER = new Sealer(RequestFixture.SECRET);
  private static final ConfirmationCodes CODES = new ConfirmationCodes();

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void requests_written_together_take_one_insert_a_table_for_every_64_rows_and_read_back_whole(
      TestDatabase.Kind kind) {
    try (RequestFixture fixture = new RequestFixture(kind)) {
      CountingDataSource counting = new CountingDataSource(fixture.db.dataSource());
      DSLContext dsl = fixture.vendor.dsl(counting.dataSource());
      RequestInsert inserts = new RequestInsert(dsl);
      List<RequestInsert.NewRows> rows = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        rows.add(newRows(i));
      }
      counting.sent.clear();

      inserts.commit(rows);

      // 100 requests, 200 identities, 50 contacts, 33 keys and 134 events; on PostgreSQL all in
      // one round trip, committed by the server at its end
      boolean postgres = kind == TestDatabase.Kind.POSTGRESQL;
      assertThat(counting.sent)
          .hasSize(11)
          .allMatch(s -> s.sql().startsWith("insert into"))
          .allMatch(s -> s.batched() == postgres);
      assertThat(counting.commits()).isEqualTo(postgres ? 0 : 1);
      assertThat(inserts(counting, "lethe_requests")).isEqualTo(2);
      assertThat(inserts(counting, "lethe_request_identities")).isEqualTo(4);
      assertThat(inserts(counting, "lethe_request_contacts")).isEqualTo(1);
      assertThat(inserts(counting, "lethe_request_keys")).isEqualTo(1);
      assertThat(inserts(counting, "lethe_request_events")).isEqualTo(3);
      for (RequestInsert.NewRows row : rows) {
        UUID id = row.request().id();
        assertThat(fixture.store.find(id)).contains(row.request());
        assertThat(fixture.store.sealedIdentities(id)).isEqualTo(row.identities());
        assertThat(fixture.store.events(id)).isEqualTo(row.events());
        assertThat(fixture.requests.contact(id))
            .isEqualTo(row.contact().map(c -> new Contact(SEALER.open(c.sealedAddress()), "de")));
        row.idempotencyKey()
            .ifPresent(
                key ->
                    assertThat(fixture.store.findByIdempotencyKey(key).map(DeletionRequest::id))
                        .contains(id));
      }
      assertThat(fixture.store.list(RequestFilter.all())).hasSize(rows.size());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_group_with_one_refused_row_writes_nothing_of_the_group_and_leaves_no_transaction_open(
      TestDatabase.Kind kind) {
    try (RequestFixture fixture = new RequestFixture(kind)) {
      DSLContext dsl = fixture.vendor.dsl(fixture.db.dataSource());
      RequestInsert inserts = new RequestInsert(dsl);
      RequestInsert.NewRows first = newRows(1);
      assertThat(first.idempotencyKey()).isPresent();
      inserts.commit(List.of(first));
      RequestInsert.NewRows repeat =
          new RequestInsert.NewRows(
              newRows(5).request(), List.of(), Optional.empty(), first.idempotencyKey(), List.of());
      List<RequestInsert.NewRows> group = List.of(newRows(2), newRows(3), repeat, newRows(6));

      assertThatThrownBy(() -> inserts.commit(group))
          .isInstanceOf(org.jooq.exception.DataAccessException.class);

      // the next group's transaction commits nothing left of the refused one
      RequestInsert.NewRows next = newRows(7);
      inserts.commit(List.of(next));
      assertThat(fixture.store.list(RequestFilter.all()))
          .extracting(DeletionRequest::id)
          .containsExactlyInAnyOrder(first.request().id(), next.request().id());
    }
  }

  private static long inserts(CountingDataSource counting, String table) {
    return counting.sent.stream()
        .map(s -> s.sql().replaceAll("[`\"]", ""))
        .filter(sql -> sql.startsWith("insert into " + table + " "))
        .count();
  }

  /** The {@code i}th of a group: every column set, and unset, by turns. */
  private static RequestInsert.NewRows newRows(int i) {
    Instant now = START.plusMillis(i);
    UUID id = UUID.randomUUID();
    boolean verify = i % 3 == 0;
    RequestState state = verify ? RequestState.AWAITING_VERIFICATION : RequestState.RECEIVED;
    DeletionRequest request =
        new DeletionRequest(
            id,
            CODES.next(),
            RequestType.ERASURE,
            "contact",
            i % 4 == 0 ? Optional.empty() : Optional.of("workspace-" + i),
            i % 5 == 0
                ? Map.of()
                : Map.of("ID", "contact-" + i, "reason", "it's \"mine\"; \\ 'quoted'"),
            i % 2 == 0 ? "EU" : "US-CA",
            i % 2 == 0 ? RequestSource.META_CALLBACK : RequestSource.API,
            state,
            Optional.empty(),
            now,
            now,
            verify,
            i % 7 == 0 ? Optional.of(Duration.ofDays(7)) : Optional.empty(),
            Optional.empty(),
            List.of("hash-a-" + id, "hash-b-" + id),
            "match-" + id,
            true,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.of(
                new Deadline(
                    i % 2 == 0 ? Optional.empty() : Optional.of(now.plus(10, ChronoUnit.DAYS)),
                    now.plus(30, ChronoUnit.DAYS),
                    "rule-" + (i % 3))),
            i % 2 == 0 ? Optional.of(now) : Optional.empty(),
            0);
    List<SealedIdentity> identities =
        List.of(
            new SealedIdentity("email", SEALER.seal("person" + i + "@example.com")),
            new SealedIdentity("phone", SEALER.seal("+49" + (1_000_000 + i))));
    List<RequestEvent> events = new ArrayList<>();
    events.add(
        new RequestEvent(
            now,
            Actor.meta("app-" + i),
            Optional.empty(),
            RequestState.RECEIVED,
            Optional.empty()));
    if (verify) {
      events.add(
          RequestEvent.move(
              now,
              Actor.subject(),
              RequestState.RECEIVED,
              RequestState.AWAITING_VERIFICATION,
              "verification sent"));
    }
    return new RequestInsert.NewRows(
        request,
        identities,
        i % 2 == 0
            ? Optional.of(new SealedContact(SEALER.seal("person" + i + "@example.com"), "de"))
            : Optional.empty(),
        i % 3 == 1 ? Optional.of("key-" + id) : Optional.empty(),
        events);
  }
}
