package dev.lethe.core.request;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests to list, oldest first. Empty sets and ranges mean "any".
 *
 * @param receivedFrom inclusive
 * @param receivedBefore exclusive
 */
public record RequestFilter(
    Set<RequestState> states,
    Set<RequestSource> sources,
    Optional<Instant> receivedFrom,
    Optional<Instant> receivedBefore,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public RequestFilter {
    states = Set.copyOf(states == null ? Set.of() : states);
    sources = Set.copyOf(sources == null ? Set.of() : sources);
    receivedFrom = receivedFrom == null ? Optional.empty() : receivedFrom;
    receivedBefore = receivedBefore == null ? Optional.empty() : receivedBefore;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first page of every request. */
  public static RequestFilter all() {
    return new RequestFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty(), 0, 100);
  }

  public RequestFilter inStates(Set<RequestState> wanted) {
    return new RequestFilter(wanted, sources, receivedFrom, receivedBefore, offset, limit);
  }

  public RequestFilter fromSources(Set<RequestSource> wanted) {
    return new RequestFilter(states, wanted, receivedFrom, receivedBefore, offset, limit);
  }

  public RequestFilter receivedBetween(Instant from, Instant before) {
    return new RequestFilter(
        states, sources, Optional.of(from), Optional.of(before), offset, limit);
  }

  public RequestFilter page(int pageOffset, int pageLimit) {
    return new RequestFilter(states, sources, receivedFrom, receivedBefore, pageOffset, pageLimit);
  }
}
