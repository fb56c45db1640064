package dev.lethe.core.hold;

import static dev.lethe.core.hold.HoldTables.*;

import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.schema.Vendor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The legal holds staff place and lift, kept in Lethe's own database. {@link #inForce()} hands the
 * engine the holds active now. An identity hold is stored as the identity's kind and keyed hash,
 * never its value; a hold is never deleted, lifting it ends it. See {@code docs/holds.md}.
 */
public final class Holds {

  private final DSLContext dsl;
  private final Clock clock;
  private final KeyedHasher hasher;

  Holds(DSLContext dsl, Clock clock, KeyedHasher hasher) {
    this.dsl = Objects.requireNonNull(dsl, "dsl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** Migrates Lethe's database (the hold table comes with it) and opens the holds over it. */
  public static Holds open(DataSource dataSource, Vendor vendor, Clock clock, KeyedHasher hasher) {
    RequestStore.migrate(dataSource, vendor);
    return new Holds(vendor.dsl(dataSource), clock, hasher);
  }

  /**
   * Places a hold; it is in force from now.
   *
   * @throws InvalidHoldException when its expiry is not in the future
   */
  public Hold place(NewHold hold, Actor by) {
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(by, "by");
    Instant now = now();
    if (hold.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
      throw new InvalidHoldException("the expiry must be in the future (now is " + now + ")");
    }
    Hold placed =
        new Hold(
            UUID.randomUUID().toString(),
            target(hold),
            hold.reason(),
            hold.reference(),
            now,
            by,
            hold.expiresAt(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    HoldTables.insert(dsl, placed);
    return placed;
  }

  private LegalHold.Target target(NewHold hold) {
    if (hold.workspace().isPresent()) {
      return new LegalHold.Tenant(hold.workspace().get());
    }
    if (hold.identity().isPresent()) {
      Identity identity = hold.identity().get();
      return new LegalHold.OnIdentity(identity.kind(), hasher.hash(identity));
    }
    return new LegalHold.Row(hold.entity().orElseThrow(), hold.key().orElseThrow());
  }

  public Optional<Hold> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    // Compared again in Java: MariaDB's collations ignore trailing spaces.
    return dsl.select(HOLD_FIELDS)
        .from(HOLDS)
        .where(ID.eq(id))
        .fetchOptional()
        .map(HoldTables::hold)
        .filter(h -> h.id().equals(id));
  }

  /** Holds matching the filter, newest first. */
  public List<Hold> list(HoldFilter filter) {
    Condition where = filter.activeOnly() ? activeAt(now()) : DSL.noCondition();
    if (filter.workspace().isPresent()) {
      where = where.and(WORKSPACE.eq(filter.workspace().get()));
    }
    return dsl.select(HOLD_FIELDS)
        .from(HOLDS)
        .where(where)
        .orderBy(PLACED_AT.desc(), ID.desc())
        .limit(filter.limit())
        .offset(filter.offset())
        .fetch(HoldTables::hold);
  }

  /**
   * Lifts a hold: from now on it no longer protects anything. Of two callers lifting the same hold
   * at once, one succeeds and the other is told it was already lifted.
   *
   * @param note why it was lifted (optional, at most 500 characters)
   * @throws UnknownHoldException when there is no such hold
   * @throws HoldAlreadyLiftedException when it was lifted before
   */
  public Hold lift(String id, Actor by, String note) {
    Objects.requireNonNull(by, "by");
    Optional<String> liftNote =
        Optional.ofNullable(note).map(String::strip).filter(n -> !n.isEmpty());
    if (liftNote.filter(n -> n.length() > NewHold.MAX_REASON).isPresent()) {
      throw new InvalidHoldException("the note must be at most 500 characters");
    }
    Hold current = find(id).orElseThrow(() -> new UnknownHoldException(id));
    Instant now = now();
    int lifted =
        dsl.update(HOLDS)
            .set(LIFTED_AT, utc(now))
            .set(LIFTED_BY, by.code())
            .set(LIFT_NOTE, liftNote.orElse(null))
            .where(ID.eq(current.id()))
            .and(LIFTED_AT.isNull())
            .execute();
    Hold after = find(id).orElseThrow(() -> new UnknownHoldException(id));
    if (lifted != 1) {
      throw new HoldAlreadyLiftedException(id, after.liftedAt().orElseThrow());
    }
    return after;
  }

  /** The holds active now (neither lifted nor expired), oldest first, as the engine takes them. */
  public List<LegalHold> inForce() {
    return dsl.select(HOLD_FIELDS)
        .from(HOLDS)
        .where(activeAt(now()))
        .orderBy(PLACED_AT, ID)
        .fetch(r -> HoldTables.hold(r).toLegalHold());
  }

  private static Condition activeAt(Instant now) {
    return LIFTED_AT.isNull().and(EXPIRES_AT.isNull().or(EXPIRES_AT.gt(utc(now))));
  }

  /** Microseconds: what every database keeps, so a hold read back equals the one placed. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
