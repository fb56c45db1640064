package dev.lethe.server.api.requests;

import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestState;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.ApiForbiddenException;
import dev.lethe.server.api.FieldErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The query of {@code GET /v1/requests}, checked field by field, as a {@link RequestFilter}. */
final class RequestListing {

  /** One page of requests, with the number matching the filter. */
  record Page(List<RequestView> requests, long total, int offset, int limit) {}

  private final Clock clock;

  RequestListing(Clock clock) {
    this.clock = clock;
  }

  RequestFilter filter(
      ApiCaller caller,
      List<String> states,
      List<String> sources,
      String workspace,
      Boolean overdue,
      String receivedFrom,
      String receivedBefore,
      Integer offset,
      Integer limit) {
    FieldErrors errors = new FieldErrors();
    Set<RequestState> wantedStates =
        errors.read(
            "state",
            () -> codes(states, RequestState::fromCode, RequestState.class, RequestState::code));
    Set<RequestSource> wantedSources =
        errors.read(
            "source",
            () ->
                codes(sources, RequestSource::fromCode, RequestSource.class, RequestSource::code));
    Instant from = errors.read("received_from", () -> instant(receivedFrom));
    Instant before = errors.read("received_before", () -> instant(receivedBefore));
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 50 : limit;
    if (first < 0) {
      errors.add("offset", "must not be negative");
    }
    if (size < 1 || size > RequestFilter.MAX_LIMIT) {
      errors.add("limit", "between 1 and " + RequestFilter.MAX_LIMIT);
    }
    errors.throwIfAny();
    Optional<String> inWorkspace =
        Optional.ofNullable(workspace).map(String::strip).filter(w -> !w.isEmpty());
    if (caller.workspace().isPresent()) {
      if (inWorkspace.isPresent() && !caller.reaches(inWorkspace)) {
        throw new ApiForbiddenException("this API key does not reach that workspace");
      }
      inWorkspace = caller.workspace();
    }
    RequestFilter filter =
        RequestFilter.all()
            .inStates(wantedStates)
            .fromSources(wantedSources)
            .inWorkspaces(inWorkspace.map(Set::of).orElse(Set.of()))
            .page(first, size);
    if (from != null || before != null) {
      filter =
          filter.receivedBetween(
              from == null ? Instant.EPOCH : from,
              before == null ? Instant.parse("9999-12-31T00:00:00Z") : before);
    }
    return Boolean.TRUE.equals(overdue) ? filter.overdueAt(clock.instant()) : filter;
  }

  private static <E extends Enum<E>> Set<E> codes(
      List<String> given, Function<String, E> read, Class<E> type, Function<E, String> code) {
    if (given == null) {
      return Set.of();
    }
    Set<E> out = EnumSet.noneOf(type);
    for (String item : given) {
      for (String one : item.split(",")) {
        if (one.isBlank()) {
          continue;
        }
        try {
          out.add(read.apply(one.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "unknown; one of "
                  + Arrays.stream(type.getEnumConstants())
                      .map(code)
                      .collect(Collectors.joining(", ")));
        }
      }
    }
    return out;
  }

  private static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return text.strip().length() == 10
          ? LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "a date (2026-01-31) or an instant (2026-01-31T10:00:00Z)");
    }
  }
}
