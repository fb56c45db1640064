package dev.lethe.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestStateTest {

  @Test
  void completed_rejected_and_cancelled_are_the_only_terminal_states() {
    assertThat(Arrays.stream(RequestState.values()).filter(RequestState::isTerminal))
        .containsExactlyInAnyOrder(
            RequestState.COMPLETED, RequestState.REJECTED, RequestState.CANCELLED);
    assertThat(RequestState.openStates())
        .doesNotContain(RequestState.COMPLETED, RequestState.REJECTED, RequestState.CANCELLED)
        .contains(RequestState.FAILED, RequestState.ON_HOLD)
        .hasSize(RequestState.values().length - 3);
  }

  @Test
  void every_open_state_can_still_reach_an_end() {
    for (RequestState start : RequestState.openStates()) {
      Set<RequestState> seen = EnumSet.of(start);
      var queue = new ArrayDeque<>(Set.of(start));
      while (!queue.isEmpty()) {
        for (RequestState next : queue.poll().allowedNext()) {
          if (seen.add(next)) {
            queue.add(next);
          }
        }
      }
      assertThat(seen).as("reachable from %s", start).contains(RequestState.COMPLETED);
    }
  }

  @Test
  void cancelling_is_possible_only_before_scheduling() {
    assertThat(
            Arrays.stream(RequestState.values()).filter(s -> s.canMoveTo(RequestState.CANCELLED)))
        .containsExactlyInAnyOrder(
            RequestState.RECEIVED, RequestState.AWAITING_VERIFICATION, RequestState.GRACE_PERIOD);
  }

  @Test
  void codes_are_lower_case_and_read_back() {
    for (RequestState state : RequestState.values()) {
      assertThat(RequestState.fromCode(state.code())).isEqualTo(state);
    }
    assertThat(RequestState.AWAITING_VERIFICATION.code()).isEqualTo("awaiting_verification");
    assertThat(RequestSource.META_DEAUTHORIZE.code()).isEqualTo("meta_deauthorize");
    assertThat(RequestSource.fromCode("self_service")).isEqualTo(RequestSource.SELF_SERVICE);
    assertThat(RequestType.fromCode("erasure")).isEqualTo(RequestType.ERASURE);
  }
}
