package dev.lethe.core.apikey;

import static dev.lethe.core.apikey.ApiKeyTables.*;

import dev.lethe.core.request.Actor;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/** The write side of {@link ApiKeys}: each a single statement, conditional where it races. */
final class ApiKeyWrites {

  private final DSLContext dsl;

  ApiKeyWrites(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Inserts a key; false when a key with its id exists (another instance inserted it first). */
  boolean insert(ApiKey key, String secretHash) {
    try {
      dsl.insertInto(KEYS)
          .set(ID, key.id())
          .set(NAME, key.name())
          .set(SECRET_HASH, secretHash)
          .set(PERMISSIONS, permissions(key.permissions()))
          .set(WORKSPACE, key.workspace().orElse(null))
          .set(CREATED_AT, utc(key.createdAt()))
          .set(CREATED_BY, key.createdBy().code())
          .execute();
      return true;
    } catch (DataAccessException e) {
      if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
        return false;
      }
      throw e;
    }
  }

  /** Notes a use at {@code now} unless one was noted after {@code due}; true when it wrote. */
  boolean touch(String id, Instant now, Instant due) {
    return dsl.update(KEYS)
            .set(LAST_USED_AT, utc(now))
            .where(ID.eq(id))
            .and(LAST_USED_AT.isNull().or(LAST_USED_AT.le(utc(due))))
            .execute()
        == 1;
  }

  void revoke(String id, Instant now, Actor by) {
    dsl.update(KEYS)
        .set(REVOKED_AT, utc(now))
        .set(REVOKED_BY, by.code())
        .where(ID.eq(id))
        .and(REVOKED_AT.isNull())
        .execute();
  }

  /** Sets a key's hash and terms anew, unless it is revoked. */
  void refresh(String id, KeyTerms terms, String secretHash) {
    dsl.update(KEYS)
        .set(NAME, terms.name())
        .set(SECRET_HASH, secretHash)
        .set(PERMISSIONS, permissions(terms.permissions()))
        .set(WORKSPACE, terms.workspace().orElse(null))
        .where(ID.eq(id))
        .and(REVOKED_AT.isNull())
        .execute();
  }
}
