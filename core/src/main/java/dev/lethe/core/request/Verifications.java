package dev.lethe.core.request;

import static dev.lethe.core.request.RequestRows.utc;

import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.request.VerificationRefusedException.Why;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Identity verification by e-mail: a link token and a short code, sent to the person, valid once
 * and until they expire. Only keyed hashes of both are stored; issuing again replaces what was
 * issued before. A code allows {@value #MAX_ATTEMPTS} wrong guesses, then it is spent.
 */
public final class Verifications {

  public static final int MAX_ATTEMPTS = 5;
  static final String TOKEN_ALPHABET = ConfirmationCodes.ALPHABET;
  static final int TOKEN_LENGTH = 32;
  static final int CODE_LENGTH = 6;

  private static final Table<Record> TABLE = DSL.table(DSL.name("lethe_request_verifications"));
  private static final Field<String> REQUEST = DSL.field(DSL.name("request_id"), String.class);
  private static final Field<String> TOKEN = DSL.field(DSL.name("token_hash"), String.class);
  private static final Field<String> CODE = DSL.field(DSL.name("code_hash"), String.class);
  private static final Field<LocalDateTime> ISSUED =
      DSL.field(DSL.name("issued_at"), SQLDataType.LOCALDATETIME);
  private static final Field<LocalDateTime> EXPIRES =
      DSL.field(DSL.name("expires_at"), SQLDataType.LOCALDATETIME);
  private static final Field<Integer> ATTEMPTS =
      DSL.field(DSL.name("attempts"), SQLDataType.INTEGER);
  private static final Field<LocalDateTime> USED =
      DSL.field(DSL.name("used_at"), SQLDataType.LOCALDATETIME);

  private final DSLContext dsl;
  private final KeyedHasher hasher;
  private final Clock clock;
  private final RandomGenerator random;

  public Verifications(RequestStore store, KeyedHasher hasher, Clock clock) {
    this(store.dsl(), hasher, clock, new SecureRandom());
  }

  Verifications(DSLContext dsl, KeyedHasher hasher, Clock clock, RandomGenerator random) {
    this.dsl = dsl;
    this.hasher = hasher;
    this.clock = clock;
    this.random = random;
  }

  /**
   * A link token and a code for the request, valid for {@code validity}: to be mailed, never stored
   * or logged.
   */
  public record Issued(String token, String code, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[expiresAt=" + expiresAt + "]";
    }
  }

  public Issued issue(UUID requestId, Duration validity) {
    String token = draw(TOKEN_ALPHABET, TOKEN_LENGTH);
    String code = draw("0123456789", CODE_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(validity);
    String id = requestId.toString();
    dsl.transaction(
        c -> {
          c.dsl().deleteFrom(TABLE).where(REQUEST.eq(id)).execute();
          c.dsl()
              .insertInto(TABLE)
              .set(REQUEST, id)
              .set(TOKEN, tokenHash(token))
              .set(CODE, codeHash(requestId, code))
              .set(ISSUED, utc(now))
              .set(EXPIRES, utc(expires))
              .set(ATTEMPTS, 0)
              .execute();
        });
    return new Issued(token, code, expires);
  }

  /**
   * Spends a link token.
   *
   * @return the request it verifies
   * @throws VerificationRefusedException when the token is unknown, expired or already used
   */
  public UUID redeemToken(String token) {
    if (token == null || token.length() != TOKEN_LENGTH || !ConfirmationCodes.isOfAlphabet(token)) {
      throw new VerificationRefusedException(Why.UNKNOWN);
    }
    Record row =
        dsl.select(REQUEST, EXPIRES, USED)
            .from(TABLE)
            .where(TOKEN.eq(tokenHash(token)))
            .fetchOptional()
            .orElseThrow(() -> new VerificationRefusedException(Why.UNKNOWN));
    UUID requestId = UUID.fromString(row.get(REQUEST));
    spend(requestId, row.get(EXPIRES), row.get(USED));
    return requestId;
  }

  /**
   * Spends the code of a request.
   *
   * @throws VerificationRefusedException when there is no code, or it is wrong, expired, used, or
   *     has been guessed at too often
   */
  public void redeemCode(UUID requestId, String code) {
    String id = requestId.toString();
    // the attempt is counted before the code is read: a code issued again in between (a resend's
    // mail) is then the one compared, not a refusal for an attempt that found the old row gone
    int counted = countAttempt(id);
    if (counted != 1) {
      // none counted: the code was guessed at too often, or it was being issued again while the
      // attempt was counted (its row replaced, the new one not yet seen): count it on the new one
      counted = countAttempt(id);
    }
    Record row =
        dsl.select(CODE, EXPIRES, USED)
            .from(TABLE)
            .where(REQUEST.eq(id))
            .fetchOptional()
            .orElseThrow(() -> new VerificationRefusedException(Why.UNKNOWN));
    if (counted != 1) {
      throw new VerificationRefusedException(Why.TOO_MANY_ATTEMPTS);
    }
    String typed = code == null ? "" : code.strip();
    if (!MessageDigest.isEqual(bytes(row.get(CODE)), bytes(codeHash(requestId, typed)))) {
      throw new VerificationRefusedException(Why.WRONG_CODE);
    }
    spend(requestId, row.get(EXPIRES), row.get(USED));
  }

  /** Adds one to the attempts at the request's code, unless spent; how many rows it counted. */
  private int countAttempt(String id) {
    return dsl.update(TABLE)
        .set(ATTEMPTS, ATTEMPTS.plus(1))
        .where(REQUEST.eq(id))
        .and(ATTEMPTS.lt(MAX_ATTEMPTS))
        .execute();
  }

  /**
   * Forgets a link and code issued for the request and not used (it ended: they verify nothing any
   * more). A spent one stays, holding only hashes, so a later click on the mailed link says it was
   * used rather than that it is unknown.
   */
  public void discard(UUID requestId) {
    dsl.deleteFrom(TABLE).where(REQUEST.eq(requestId.toString())).and(USED.isNull()).execute();
  }

  private void spend(UUID requestId, LocalDateTime expires, LocalDateTime used) {
    Instant now = clock.instant();
    if (used != null) {
      throw new VerificationRefusedException(Why.USED);
    }
    if (!now.isBefore(RequestRows.instant(expires))) {
      throw new VerificationRefusedException(Why.EXPIRED);
    }
    int spent =
        dsl.update(TABLE)
            .set(USED, utc(now))
            .where(REQUEST.eq(requestId.toString()))
            .and(USED.isNull())
            .execute();
    if (spent != 1) {
      throw new VerificationRefusedException(Why.USED);
    }
  }

  private String tokenHash(String token) {
    return hasher.hex(token, "verification-token");
  }

  private String codeHash(UUID requestId, String code) {
    return hasher.hex(requestId + ":" + code, "verification-code");
  }

  private String draw(String alphabet, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(out);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
