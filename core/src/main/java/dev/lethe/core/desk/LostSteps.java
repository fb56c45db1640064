package dev.lethe.core.desk;

import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.RequestStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sweep's reading of requests, page by page through all of them. It asks again for the
 * execution of every open request that should be moving, so that one lost in a crash (between
 * storing a request and queueing its step, or with the steps waiting to be written) is queued
 * again; a request still in its grace period is left for later, its step due only when the period
 * ends. It also reads every request on hold for the sweep to release.
 */
final class LostSteps {

  /** Open requests read at a time; the sweep goes through all of them. */
  static final int PAGE = RequestFilter.MAX_LIMIT;

  private static final Set<RequestState> MOVING =
      EnumSet.of(
          RequestState.RECEIVED,
          RequestState.GRACE_PERIOD,
          RequestState.SCHEDULED,
          RequestState.RUNNING,
          RequestState.VERIFYING,
          RequestState.FAILED);

  private LostSteps() {}

  static void requeue(RequestStore store, Work work, Instant now) {
    forEachPage(
        store,
        RequestFilter.all().inStates(MOVING),
        found -> {
          for (DeletionRequest request : found) {
            if (request.state() != RequestState.GRACE_PERIOD
                || request.graceEndsAt().filter(now::isBefore).isEmpty()) {
              work.requeue(request.id(), now);
            }
          }
        });
  }

  /** Every request {@code filter} selects, read page by page; to change them after reading. */
  static List<DeletionRequest> all(RequestStore store, RequestFilter filter) {
    List<DeletionRequest> all = new ArrayList<>();
    forEachPage(store, filter, all::addAll);
    return all;
  }

  private static void forEachPage(
      RequestStore store, RequestFilter filter, Consumer<List<DeletionRequest>> handle) {
    for (int page = 0; ; page++) {
      List<DeletionRequest> found = store.list(filter.page(page * PAGE, PAGE));
      handle.accept(found);
      if (found.size() < PAGE) {
        return;
      }
    }
  }
}
