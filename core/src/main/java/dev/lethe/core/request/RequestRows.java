package dev.lethe.core.request;

import static dev.lethe.core.request.RequestTables.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Record;

/** Reads requests and events from rows; times are stored as UTC without zone. */
final class RequestRows {
  private RequestRows() {}

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime time) {
    return time == null ? null : time.toInstant(ZoneOffset.UTC);
  }

  static DeletionRequest request(Record r) {
    return new DeletionRequest(
        UUID.fromString(r.get(ID)),
        r.get(CODE),
        RequestType.fromCode(r.get(TYPE)),
        r.get(SCOPE),
        Optional.ofNullable(r.get(WORKSPACE)),
        Json.map(r.get(PARAMS)),
        r.get(JURISDICTION),
        RequestSource.fromCode(r.get(SOURCE)),
        RequestState.fromCode(r.get(STATE)),
        Optional.ofNullable(r.get(HELD_FROM)).map(RequestState::fromCode),
        instant(r.get(RECEIVED_AT)),
        instant(r.get(UPDATED_AT)),
        r.get(VERIFICATION_REQUIRED),
        Optional.ofNullable(r.get(GRACE_SECONDS)).map(Duration::ofSeconds),
        Optional.ofNullable(instant(r.get(GRACE_ENDS_AT))),
        Json.list(r.get(IDENTITY_HASHES)),
        r.get(MATCH_KEY),
        r.get(IDENTITIES_SEALED),
        Optional.ofNullable(r.get(RUN_ID)),
        Optional.ofNullable(r.get(RECEIPT)),
        Optional.ofNullable(r.get(REJECTION_REASON)),
        Json.list(r.get(HOLD_IDS)),
        deadline(r),
        Optional.ofNullable(instant(r.get(ACKNOWLEDGED_AT))),
        r.get(VERSION));
  }

  private static Optional<Deadline> deadline(Record r) {
    return Optional.ofNullable(instant(r.get(COMPLETE_BY)))
        .map(
            by ->
                new Deadline(
                    Optional.ofNullable(instant(r.get(ACKNOWLEDGE_BY))), by, r.get(COMPLETE_RULE)));
  }

  static RequestEvent event(Record r) {
    return new RequestEvent(
        instant(r.get(EVENT_AT)),
        Actor.fromCode(r.get(EVENT_ACTOR)),
        Optional.ofNullable(r.get(EVENT_FROM)).map(RequestState::fromCode),
        RequestState.fromCode(r.get(EVENT_TO)),
        Optional.ofNullable(r.get(EVENT_NOTE)));
  }
}
