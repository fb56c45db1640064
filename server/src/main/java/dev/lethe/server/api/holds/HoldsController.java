package dev.lethe.server.api.holds;

import dev.lethe.core.Lethe;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.hold.Hold;
import dev.lethe.core.hold.HoldFilter;
import dev.lethe.core.hold.Holds;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.hold.UnknownHoldException;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.ApiForbiddenException;
import dev.lethe.server.api.InvalidFieldsException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/holds}: legal holds on a workspace, an identity or one row of an entity. Held rows are
 * never deleted; lifting a hold lets the requests it kept go on. A key limited to one workspace
 * works only with holds on that workspace.
 */
@RestController
@RequestMapping(path = "/v1/holds", produces = "application/json")
class HoldsController {

  private final Holds holds;
  private final Desk desk;
  private final HoldForms forms;
  private final Clock clock;

  HoldsController(Holds holds, Desk desk, Lethe lethe, Clock clock) {
    this.holds = holds;
    this.desk = desk;
    this.clock = clock;
    this.forms = new HoldForms(lethe.dataMap(), lethe.normalizer(), clock);
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<HoldView> place(ApiCaller caller, @RequestBody(required = false) HoldForm form) {
    caller.require(Permission.HOLDS);
    var hold = forms.read(form);
    if (caller.workspace().isPresent() && !caller.reaches(hold.workspace())) {
      throw new ApiForbiddenException(
          "an API key limited to one workspace can only hold that workspace");
    }
    Hold placed = holds.place(hold, caller.actor());
    return ResponseEntity.created(URI.create("/v1/holds/" + placed.id()))
        .body(HoldView.of(placed, List.of(), clock.instant()));
  }

  @GetMapping
  List<HoldView> list(
      ApiCaller caller,
      @RequestParam(required = false) Boolean active,
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit) {
    caller.require(Permission.HOLDS);
    HoldFilter filter = Boolean.FALSE.equals(active) ? HoldFilter.all() : HoldFilter.active();
    Optional<String> inWorkspace =
        Optional.ofNullable(workspace).map(String::strip).filter(w -> !w.isEmpty());
    if (caller.workspace().isPresent()) {
      if (inWorkspace.isPresent() && !caller.reaches(inWorkspace)) {
        throw new ApiForbiddenException("this API key does not reach that workspace");
      }
      inWorkspace = caller.workspace();
    }
    if (inWorkspace.isPresent()) {
      filter = filter.inWorkspace(inWorkspace.get());
    }
    int first = offset == null ? 0 : offset;
    int size = limit == null ? 100 : limit;
    if (first < 0 || size < 1 || size > HoldFilter.MAX_LIMIT) {
      throw InvalidFieldsException.of(
          first < 0 ? "offset" : "limit",
          first < 0 ? "must not be negative" : "between 1 and " + HoldFilter.MAX_LIMIT);
    }
    return holds.list(filter.page(first, size)).stream()
        .map(h -> HoldView.of(h, List.of(), clock.instant()))
        .toList();
  }

  @GetMapping("/{id}")
  HoldView get(ApiCaller caller, @PathVariable String id) {
    caller.require(Permission.HOLDS);
    return HoldView.of(reachable(caller, id), List.of(), clock.instant());
  }

  /** Lifts the hold; the requests it kept go on (or wait for their other holds). */
  @PostMapping("/{id}/lift")
  HoldView lift(
      ApiCaller caller, @PathVariable String id, @RequestBody(required = false) LiftForm form) {
    caller.require(Permission.HOLDS);
    reachable(caller, id);
    String note = form == null || form.note() == null ? "" : form.note().strip();
    if (note.length() > 500) {
      throw InvalidFieldsException.of("note", "at most 500 characters");
    }
    Hold lifted = holds.lift(id, caller.actor(), note.isEmpty() ? null : note);
    List<DeletionRequest> resumed = desk.holdLifted(id);
    return HoldView.of(
        lifted, resumed.stream().map(r -> r.id().toString()).toList(), clock.instant());
  }

  private Hold reachable(ApiCaller caller, String id) {
    Hold hold = holds.find(id).orElseThrow(() -> new UnknownHoldException(id));
    Optional<String> workspace =
        hold.target() instanceof LegalHold.Tenant tenant
            ? Optional.of(tenant.tenant())
            : Optional.empty();
    if (!caller.reaches(workspace)) {
      throw new UnknownHoldException(id);
    }
    return hold;
  }

  /** {@code {"note": "…"}}, optional. */
  record LiftForm(String note) {}
}
