package dev.lethe.server.console.requests;

import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.RequestStore;
import dev.lethe.server.api.ApiForbiddenException;
import dev.lethe.server.console.Operator;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request queue: filtered by state, door, workspace and lateness, oldest first, with due dates.
 * A workspace admin sees its own workspaces' requests only.
 */
@Controller
class QueueController {

  static final int PAGE = 50;

  private final RequestStore store;
  private final Clock clock;

  QueueController(RequestStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @GetMapping("/admin/requests")
  String queue(
      Operator me,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) boolean overdue,
      @RequestParam(required = false) boolean open,
      @RequestParam(defaultValue = "0") int offset,
      Model model) {
    Instant now = clock.instant();
    RequestFilter filter = RequestFilter.all().page(Math.max(0, offset), PAGE);
    Optional<RequestState> wantedState = code(state, RequestState::fromCode);
    Optional<RequestSource> wantedSource = code(source, RequestSource::fromCode);
    if (wantedState.isPresent()) {
      filter = filter.inStates(Set.of(wantedState.get()));
    } else if (open) {
      filter = filter.inStates(RequestState.openStates());
    }
    if (wantedSource.isPresent()) {
      filter = filter.fromSources(Set.of(wantedSource.get()));
    }
    Optional<String> inWorkspace =
        Optional.ofNullable(workspace).map(String::strip).filter(w -> !w.isEmpty());
    if (inWorkspace.isPresent() && !me.reaches(inWorkspace)) {
      throw new ApiForbiddenException("this operator does not reach that workspace");
    }
    if (inWorkspace.isPresent()) {
      filter = filter.inWorkspaces(Set.of(inWorkspace.get()));
    } else if (me.workspaceAdmin()) {
      filter = filter.inWorkspaces(me.workspaces());
    }
    if (overdue) {
      filter = filter.overdueAt(now);
    }
    model.addAttribute(
        "rows", store.list(filter).stream().map(r -> RequestRow.of(r, now)).toList());
    model.addAttribute("total", store.count(filter));
    model.addAttribute("offset", filter.offset());
    model.addAttribute("page", PAGE);
    model.addAttribute("states", codes(EnumSet.allOf(RequestState.class)));
    model.addAttribute(
        "sources", EnumSet.allOf(RequestSource.class).stream().map(RequestSource::code).toList());
    model.addAttribute("state", wantedState.map(RequestState::code).orElse(""));
    model.addAttribute("source", wantedSource.map(RequestSource::code).orElse(""));
    model.addAttribute("workspace", inWorkspace.orElse(""));
    model.addAttribute("overdue", overdue);
    model.addAttribute("open", open);
    return "admin/queue";
  }

  private static List<String> codes(Set<RequestState> states) {
    return states.stream().map(RequestState::code).toList();
  }

  /** An unknown code in a filter is ignored, as an empty one is. */
  private static <T> Optional<T> code(String given, java.util.function.Function<String, T> read) {
    if (given == null || given.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(read.apply(given.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
