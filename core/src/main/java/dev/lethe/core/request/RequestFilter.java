package dev.lethe.core.request;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests to list, oldest first. Empty sets and ranges mean "any".
 *
 * @param workspaces only requests in one of these workspaces (empty: any, with or without one)
 * @param receivedFrom inclusive
 * @param receivedBefore exclusive
 * @param overdueAt only requests open and past their completion date at this instant
 */
public record RequestFilter(
    Set<RequestState> states,
    Set<RequestSource> sources,
    Set<String> workspaces,
    Optional<Instant> receivedFrom,
    Optional<Instant> receivedBefore,
    Optional<Instant> overdueAt,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public RequestFilter {
    states = Set.copyOf(states == null ? Set.of() : states);
    sources = Set.copyOf(sources == null ? Set.of() : sources);
    workspaces = Set.copyOf(workspaces == null ? Set.of() : workspaces);
    receivedFrom = receivedFrom == null ? Optional.empty() : receivedFrom;
    receivedBefore = receivedBefore == null ? Optional.empty() : receivedBefore;
    overdueAt = overdueAt == null ? Optional.empty() : overdueAt;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first page of every request. */
  public static RequestFilter all() {
    return new RequestFilter(
        Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 100);
  }

  public RequestFilter inStates(Set<RequestState> wanted) {
    return new RequestFilter(
        wanted, sources, workspaces, receivedFrom, receivedBefore, overdueAt, offset, limit);
  }

  public RequestFilter fromSources(Set<RequestSource> wanted) {
    return new RequestFilter(
        states, wanted, workspaces, receivedFrom, receivedBefore, overdueAt, offset, limit);
  }

  public RequestFilter inWorkspaces(Set<String> wanted) {
    return new RequestFilter(
        states, sources, wanted, receivedFrom, receivedBefore, overdueAt, offset, limit);
  }

  public RequestFilter receivedBetween(Instant from, Instant before) {
    return new RequestFilter(
        states,
        sources,
        workspaces,
        Optional.of(from),
        Optional.of(before),
        overdueAt,
        offset,
        limit);
  }

  public RequestFilter overdueAt(Instant now) {
    return new RequestFilter(
        states, sources, workspaces, receivedFrom, receivedBefore, Optional.of(now), offset, limit);
  }

  public RequestFilter page(int pageOffset, int pageLimit) {
    return new RequestFilter(
        states,
        sources,
        workspaces,
        receivedFrom,
        receivedBefore,
        overdueAt,
        pageOffset,
        pageLimit);
  }
}
