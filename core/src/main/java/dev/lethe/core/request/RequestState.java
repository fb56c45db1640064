package dev.lethe.core.request;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a request is in its life. The allowed moves are the table below; anything else is refused
 * with an {@link IllegalTransitionException}.
 */
public enum RequestState {
  RECEIVED,
  AWAITING_VERIFICATION,
  GRACE_PERIOD,
  SCHEDULED,
  RUNNING,
  VERIFYING,
  COMPLETED,
  REJECTED,
  CANCELLED,
  ON_HOLD,
  /** The run stopped; it can be resumed or scheduled again. Still open. */
  FAILED;

  private static final Map<RequestState, Set<RequestState>> NEXT =
      new EnumMap<>(RequestState.class);

  static {
    // from, then the states it may move to
    List<List<RequestState>> table =
        List.of(
            List.of(
                RECEIVED,
                AWAITING_VERIFICATION,
                GRACE_PERIOD,
                SCHEDULED,
                REJECTED,
                CANCELLED,
                ON_HOLD),
            List.of(AWAITING_VERIFICATION, GRACE_PERIOD, SCHEDULED, REJECTED, CANCELLED, ON_HOLD),
            List.of(GRACE_PERIOD, SCHEDULED, REJECTED, CANCELLED, ON_HOLD),
            List.of(SCHEDULED, RUNNING, ON_HOLD),
            List.of(RUNNING, VERIFYING, FAILED),
            List.of(VERIFYING, COMPLETED, FAILED),
            List.of(FAILED, SCHEDULED, RUNNING, REJECTED, ON_HOLD),
            // a hold is released to the state it was placed on
            List.of(ON_HOLD, RECEIVED, AWAITING_VERIFICATION, GRACE_PERIOD, SCHEDULED, FAILED),
            List.of(COMPLETED),
            List.of(REJECTED),
            List.of(CANCELLED));
    for (List<RequestState> row : table) {
      Set<RequestState> next = EnumSet.noneOf(RequestState.class);
      next.addAll(row.subList(1, row.size()));
      NEXT.put(row.get(0), Collections.unmodifiableSet(next));
    }
  }

  /** The states this one may move to. */
  public Set<RequestState> allowedNext() {
    return NEXT.get(this);
  }

  public boolean canMoveTo(RequestState next) {
    return NEXT.get(this).contains(next);
  }

  /** Completed, rejected or cancelled: the request will not move again. */
  public boolean isTerminal() {
    return NEXT.get(this).isEmpty();
  }

  /** Not terminal: the request still needs the subject's identities. */
  public boolean isOpen() {
    return !isTerminal();
  }

  public static Set<RequestState> openStates() {
    EnumSet<RequestState> open = EnumSet.noneOf(RequestState.class);
    Arrays.stream(values()).filter(RequestState::isOpen).forEach(open::add);
    return open;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RequestState fromCode(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown request state: " + code));
  }
}
