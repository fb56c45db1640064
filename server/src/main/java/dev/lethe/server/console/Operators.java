package dev.lethe.server.console;

import static dev.lethe.server.console.OperatorTables.*;

import dev.lethe.core.request.Actor;
import dev.lethe.server.config.Databases;
import dev.lethe.server.config.ServerTables;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's operators in Lethe's own database. Passwords are kept as bcrypt hashes only and
 * checked here; an operator is disabled, never deleted, so the ids on request events keep naming
 * someone.
 */
public final class Operators {

  /**
   * A hash of no one's password: checked when the name is unknown, so an unknown name costs what a
   * wrong password does and sign-in times do not tell which names exist.
   */
  private final String decoy;

  private final DSLContext dsl;
  private final PasswordEncoder encoder;
  private final Clock clock;

  Operators(Databases databases, ServerTables tables, PasswordEncoder encoder, Clock clock) {
    this.dsl = databases.stateVendor().dsl(databases.state());
    this.encoder = encoder;
    this.clock = clock;
    this.decoy = encoder.encode("no operator has this password " + System.nanoTime());
  }

  public Optional<Operator> find(String id) {
    return dsl.select(FIELDS)
        .from(OPERATORS)
        .where(ID.eq(id))
        .fetchOptional()
        .map(OperatorTables::operator);
  }

  /** Every operator, by id. */
  public List<Operator> list() {
    return dsl.select(FIELDS).from(OPERATORS).orderBy(ID).fetch(OperatorTables::operator);
  }

  public int count() {
    return dsl.fetchCount(OPERATORS);
  }

  /** The operator, if the name is known, enabled and the password is theirs. */
  Optional<Operator> signIn(String id, String password) {
    Optional<String> hash =
        dsl.select(PASSWORD_HASH)
            .from(OPERATORS)
            .where(ID.eq(id).and(DISABLED_AT.isNull()))
            .fetchOptional(PASSWORD_HASH);
    boolean matches = encoder.matches(password, hash.orElse(decoy));
    return hash.isPresent() && matches ? find(id) : Optional.empty();
  }

  /**
   * @return false when the id is taken
   */
  public boolean add(NewOperator operator, Actor by) {
    Instant now = now();
    try {
      dsl.insertInto(OPERATORS)
          .set(ID, operator.id())
          .set(EMAIL, operator.email().orElse(null))
          .set(PASSWORD_HASH, encoder.encode(operator.password()))
          .set(ROLE, operator.role().code())
          .set(WORKSPACES, workspaces(operator.workspaces()))
          .set(CREATED_AT, utc(now))
          .set(CREATED_BY, by.code())
          .set(PASSWORD_SET_AT, utc(now))
          .execute();
      return true;
    } catch (IntegrityConstraintViolationException e) {
      return false;
    }
  }

  /** Sets a new password; checked by {@link NewOperator#checkPassword}. */
  public void setPassword(String id, String password) {
    NewOperator.checkPassword(password);
    dsl.update(OPERATORS)
        .set(PASSWORD_HASH, encoder.encode(password))
        .set(PASSWORD_SET_AT, utc(now()))
        .where(ID.eq(id))
        .execute();
  }

  /** Whether {@code password} is the operator's current one (without signing in). */
  boolean hasPassword(String id, String password) {
    return dsl.select(PASSWORD_HASH)
        .from(OPERATORS)
        .where(ID.eq(id))
        .fetchOptional(PASSWORD_HASH)
        .filter(hash -> encoder.matches(password, hash))
        .isPresent();
  }

  /**
   * Gives the operator another role and, for a workspace admin, its workspaces (checked by {@link
   * NewOperator#checkWorkspaces}); their next page follows the new role.
   */
  public void change(String id, Role role, Set<String> workspaces) {
    SortedSet<String> kept = NewOperator.checkWorkspaces(role, workspaces);
    dsl.update(OPERATORS)
        .set(ROLE, role.code())
        .set(WORKSPACES, OperatorTables.workspaces(kept))
        .where(ID.eq(id))
        .execute();
  }

  /** Stops the operator from signing in; their open sessions end at their next page. */
  public void disable(String id, Actor by) {
    dsl.update(OPERATORS)
        .set(DISABLED_AT, utc(now()))
        .set(DISABLED_BY, by.code())
        .where(ID.eq(id).and(DISABLED_AT.isNull()))
        .execute();
  }

  public void enable(String id) {
    dsl.update(OPERATORS).setNull(DISABLED_AT).setNull(DISABLED_BY).where(ID.eq(id)).execute();
  }

  /** Makes the operator a platform admin again (the first admin, restored from configuration). */
  void restoreAdmin(String id, Optional<String> email) {
    dsl.update(OPERATORS)
        .set(ROLE, Role.PLATFORM_ADMIN.code())
        .set(WORKSPACES, (String) null)
        .where(ID.eq(id))
        .execute();
    email.ifPresent(e -> dsl.update(OPERATORS).set(EMAIL, e).where(ID.eq(id)).execute());
    enable(id);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
