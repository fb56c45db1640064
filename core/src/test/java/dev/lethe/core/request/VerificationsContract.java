package dev.lethe.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.request.VerificationRefusedException.Why;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verification links and codes: hashed, once, until they expire, on each database. */
abstract class VerificationsContract {

  RequestFixture fixture;
  Verifications verifications;
  UUID request;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void setUp() {
    fixture = new RequestFixture(kind());
    verifications = new Verifications(fixture.store, fixture.hasher, fixture.clock);
    request = fixture.requestIn(RequestState.AWAITING_VERIFICATION).id();
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  private static void refused(Why why, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            VerificationRefusedException.class, e -> assertThat(e.why()).isEqualTo(why));
  }

  @Test
  void a_link_verifies_its_request_once() {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));

    assertThat(verifications.redeemToken(issued.token())).isEqualTo(request);
    refused(Why.USED, () -> verifications.redeemToken(issued.token()));
    refused(Why.USED, () -> verifications.redeemCode(request, issued.code()));
  }

  @Test
  void a_spent_link_still_says_used_once_its_request_ended_and_an_unspent_one_is_forgotten() {
    Verifications.Issued spent = verifications.issue(request, Duration.ofHours(48));
    verifications.redeemToken(spent.token());
    UUID other = fixture.requestIn(RequestState.AWAITING_VERIFICATION).id();
    Verifications.Issued unspent = verifications.issue(other, Duration.ofHours(48));

    verifications.discard(request);
    verifications.discard(other);

    refused(Why.USED, () -> verifications.redeemToken(spent.token()));
    refused(Why.UNKNOWN, () -> verifications.redeemToken(unspent.token()));
    refused(Why.UNKNOWN, () -> verifications.redeemCode(other, unspent.code()));
  }

  @Test
  void neither_token_nor_code_is_stored_in_clear() throws Exception {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));

    String stored = dump();
    assertThat(stored).doesNotContain(issued.token()).doesNotContain(issued.code());
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  void an_expired_link_or_code_verifies_nothing() {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));
    fixture.clock.advance(Duration.ofHours(48));

    refused(Why.EXPIRED, () -> verifications.redeemToken(issued.token()));
    refused(Why.EXPIRED, () -> verifications.redeemCode(request, issued.code()));
  }

  @Test
  void issuing_again_replaces_what_was_issued_before() {
    Verifications.Issued first = verifications.issue(request, Duration.ofHours(48));
    Verifications.Issued second = verifications.issue(request, Duration.ofHours(48));

    refused(Why.UNKNOWN, () -> verifications.redeemToken(first.token()));
    assertThat(verifications.redeemToken(second.token())).isEqualTo(request);
  }

  @Test
  void unknown_and_malformed_tokens_are_unknown() {
    verifications.issue(request, Duration.ofHours(48));

    for (String token : new String[] {null, "", "abc", "0".repeat(32), "U".repeat(32)}) {
      refused(Why.UNKNOWN, () -> verifications.redeemToken(token));
    }
    refused(Why.UNKNOWN, () -> verifications.redeemCode(UUID.randomUUID(), "123456"));
  }

  @Test
  void a_code_is_spent_after_five_wrong_guesses() {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));
    String wrong = issued.code().equals("000000") ? "000001" : "000000";

    for (int i = 0; i < Verifications.MAX_ATTEMPTS; i++) {
      refused(Why.WRONG_CODE, () -> verifications.redeemCode(request, wrong));
    }
    refused(Why.TOO_MANY_ATTEMPTS, () -> verifications.redeemCode(request, issued.code()));
  }

  /**
   * A guess made while the code is issued again (a resend) waits for the new code and counts
   * against it: a wrong guess is a wrong code, not the refusal of a code guessed at too often.
   */
  @Test
  void a_guess_while_the_code_is_issued_again_counts_against_the_new_code() throws Exception {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));
    String wrong = issued.code().equals("000000") ? "000001" : "000000";
    ExecutorService guesser = Executors.newSingleThreadExecutor();
    try (Connection resend = fixture.db.dataSource().getConnection()) {
      resend.setAutoCommit(false);
      // what issuing does, in a transaction held open: the row deleted and inserted again
      List<Object> row = new ArrayList<>();
      try (PreparedStatement read =
          resend.prepareStatement(
              "SELECT token_hash, code_hash, issued_at, expires_at"
                  + " FROM lethe_request_verifications WHERE request_id = ?")) {
        read.setString(1, request.toString());
        try (ResultSet rs = read.executeQuery()) {
          assertThat(rs.next()).isTrue();
          for (int i = 1; i <= 4; i++) {
            row.add(rs.getObject(i));
          }
        }
      }
      try (PreparedStatement delete =
              resend.prepareStatement(
                  "DELETE FROM lethe_request_verifications WHERE request_id = ?");
          PreparedStatement insert =
              resend.prepareStatement(
                  "INSERT INTO lethe_request_verifications (request_id, token_hash, code_hash,"
                      + " issued_at, expires_at, attempts) VALUES (?, ?, ?, ?, ?, 0)")) {
        delete.setString(1, request.toString());
        delete.executeUpdate();
        insert.setString(1, request.toString());
        for (int i = 0; i < 4; i++) {
          insert.setObject(i + 2, row.get(i));
        }
        insert.executeUpdate();
      }

      Future<?> guess = guesser.submit(() -> verifications.redeemCode(request, wrong));
      // the name quoted as each product quotes it
      fixture.db.awaitLockWait("update _lethe_request_verifications_");
      resend.commit();
      assertThatThrownBy(guess::get)
          .cause()
          .isInstanceOfSatisfying(
              VerificationRefusedException.class,
              e -> assertThat(e.why()).isEqualTo(Why.WRONG_CODE));
    } finally {
      guesser.shutdownNow();
    }
    verifications.redeemCode(request, issued.code());
  }

  @Test
  void of_many_concurrent_redemptions_of_one_link_exactly_one_succeeds() throws Exception {
    Verifications.Issued issued = verifications.issue(request, Duration.ofHours(48));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        Callable<Boolean> attempt =
            () -> {
              try {
                verifications.redeemToken(issued.token());
                return true;
              } catch (VerificationRefusedException e) {
                return false;
              }
            };
        tries.add(pool.submit(attempt));
      }
      int succeeded = 0;
      for (Future<Boolean> attempt : tries) {
        succeeded += attempt.get() ? 1 : 0;
      }
      assertThat(succeeded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private String dump() throws Exception {
    StringBuilder out = new StringBuilder();
    try (var c = fixture.db.dataSource().getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT * FROM lethe_request_verifications")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.append(rs.getString(i)).append('|');
        }
      }
    }
    return out.toString();
  }
}
