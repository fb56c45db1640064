package dev.lethe.core.request;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.SettableClock;
import dev.lethe.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Requests over a fresh database, with a fixed secret and a clock the test moves. */
final class RequestFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2025-03-01T10:15:30.123Z");
  static final byte[] SECRET = "a test installation secret, 32 b".getBytes();

  final TestDatabase db;
  final Vendor vendor;
  final SettableClock clock = new SettableClock(START);
  final KeyedHasher hasher = new KeyedHasher(SECRET);
  final RequestStore store;
  final Requests requests;
  private final AtomicInteger people = new AtomicInteger();

  RequestFixture(TestDatabase.Kind kind) {
    db = TestDatabase.create(kind);
    vendor =
        switch (kind) {
          case H2 -> Vendor.H2;
          case POSTGRESQL -> Vendor.POSTGRESQL;
          case MARIADB -> Vendor.MARIADB;
        };
    store = RequestStore.open(db.dataSource(), vendor);
    requests = new Requests(store, hasher, new Sealer(SECRET), clock);
  }

  static Identity email(String address) {
    return new Identity(IdentityKind.EMAIL, address);
  }

  static Identity phone(String number) {
    return new Identity(IdentityKind.PHONE, number);
  }

  /** A request about a new person each time, so requests never merge by accident. */
  NewRequest someone() {
    int n = people.incrementAndGet();
    return NewRequest.erasure(
        "contact", List.of(email("person" + n + "@example.com")), "EU", RequestSource.API);
  }

  /** Receives a request about a new person and moves it to {@code state}. */
  DeletionRequest requestIn(RequestState state) {
    Actor op = Actor.operator("op-1");
    NewRequest fresh = someone().withGracePeriod(Duration.ofDays(7));
    return switch (state) {
      case RECEIVED -> requests.receive(fresh, Actor.subject());
      case AWAITING_VERIFICATION -> requests.receive(fresh.withVerification(), Actor.subject());
      case GRACE_PERIOD -> requests.startGracePeriod(requestIn(RequestState.RECEIVED).id(), op);
      case SCHEDULED -> requests.schedule(requestIn(RequestState.RECEIVED).id(), op);
      case RUNNING -> requests.markRunning(requestIn(RequestState.SCHEDULED).id(), "run-1", op);
      case VERIFYING -> requests.markVerifying(requestIn(RequestState.RUNNING).id(), op);
      case COMPLETED -> requests.complete(requestIn(RequestState.VERIFYING).id(), "{}", op);
      case FAILED -> requests.fail(requestIn(RequestState.RUNNING).id(), "timeout", op);
      case REJECTED -> requests.reject(requestIn(RequestState.RECEIVED).id(), "no account", op);
      case CANCELLED -> requests.cancel(requestIn(RequestState.RECEIVED).id(), op);
      case ON_HOLD -> requests.hold(requestIn(RequestState.SCHEDULED).id(), "hold-1", op);
    };
  }

  @Override
  public void close() {
    db.close();
  }
}
