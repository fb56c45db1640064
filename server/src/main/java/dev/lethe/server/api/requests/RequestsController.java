package dev.lethe.server.api.requests;

import dev.lethe.core.Lethe;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.Received;
import dev.lethe.core.request.RequestFilter;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.UnknownRequestException;
import dev.lethe.server.api.ApiCaller;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.config.PublicAddress;
import dev.lethe.server.requests.RequestProperties;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/requests}: the host product's own doors (the "Delete account" and "Delete contact"
 * buttons, selected data, e-mail requests entered by staff), and what happens to them after.
 */
@RestController
@RequestMapping(path = "/v1", produces = "application/json")
class RequestsController {

  private final Desk desk;
  private final Requests requests;
  private final RequestStore store;
  private final RequestForms forms;
  private final RequestListing listing;
  private final PublicAddress address;
  private final Clock clock;

  RequestsController(
      Desk desk,
      Requests requests,
      RequestStore store,
      Lethe lethe,
      RequestProperties properties,
      PublicAddress address,
      Clock clock) {
    this.desk = desk;
    this.requests = requests;
    this.store = store;
    this.forms =
        new RequestForms(lethe.dataMap(), lethe.normalizer(), properties.defaultJurisdiction());
    this.listing = new RequestListing(clock);
    this.address = address;
    this.clock = clock;
  }

  /** A new request; 201 when stored, 200 with the existing one when repeated or merged. */
  @PostMapping(path = "/requests", consumes = "application/json")
  ResponseEntity<RequestView> create(
      ApiCaller caller,
      @RequestBody(required = false) RequestForm form,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    caller.require(Permission.REQUESTS_WRITE);
    NewRequest request = forms.read(form, caller, scoped(caller, idempotencyKey));
    Received received = desk.receive(request, caller.actor());
    RequestView view = view(received.request());
    return received.created()
        ? ResponseEntity.created(URI.create("/v1/requests/" + view.id())).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/requests")
  RequestListing.Page list(
      ApiCaller caller,
      @RequestParam(required = false) List<String> state,
      @RequestParam(required = false) List<String> source,
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(name = "received_from", required = false) String receivedFrom,
      @RequestParam(name = "received_before", required = false) String receivedBefore,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit) {
    caller.require(Permission.REQUESTS_READ);
    RequestFilter filter =
        listing.filter(
            caller, state, source, workspace, overdue, receivedFrom, receivedBefore, offset, limit);
    return new RequestListing.Page(
        store.list(filter).stream().map(this::view).toList(),
        store.count(filter),
        filter.offset(),
        filter.limit());
  }

  @GetMapping("/requests/{id}")
  RequestView get(ApiCaller caller, @PathVariable UUID id) {
    caller.require(Permission.REQUESTS_READ);
    DeletionRequest request = reachable(caller, id);
    return view(request).withHistory(requests.events(id), desk.receipts(id));
  }

  /** Withdrawn while it can still be: received, awaiting verification, or in its grace period. */
  @PostMapping("/requests/{id}/cancel")
  RequestView cancel(ApiCaller caller, @PathVariable UUID id) {
    caller.require(Permission.REQUESTS_WRITE);
    reachable(caller, id);
    return view(desk.cancel(id, caller.actor()));
  }

  /** The mailed code, typed in by the person or given to staff; or staff verifying by hand. */
  @PostMapping(path = "/requests/{id}/verification", consumes = "application/json")
  RequestView verify(
      ApiCaller caller,
      @PathVariable UUID id,
      @RequestBody(required = false) VerificationForm form) {
    caller.require(Permission.REQUESTS_WRITE);
    reachable(caller, id);
    VerificationForm given = form == null ? new VerificationForm(null, null, null) : form;
    return view(given.apply(desk, id, caller.actor()));
  }

  @PostMapping("/requests/{id}/verification/resend")
  ResponseEntity<Void> resendVerification(ApiCaller caller, @PathVariable UUID id) {
    caller.require(Permission.REQUESTS_WRITE);
    reachable(caller, id);
    desk.resendVerification(id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  @PostMapping(path = "/requests/{id}/rejection", consumes = "application/json")
  RequestView reject(
      ApiCaller caller, @PathVariable UUID id, @RequestBody(required = false) ReasonForm form) {
    caller.require(Permission.REQUESTS_WRITE);
    reachable(caller, id);
    return view(desk.reject(id, ReasonForm.reason(form), caller.actor()));
  }

  /** The completion date moved later, with a reason, within what the law allows. */
  @PostMapping(path = "/requests/{id}/extension", consumes = "application/json")
  RequestView extend(
      ApiCaller caller, @PathVariable UUID id, @RequestBody(required = false) ExtensionForm form) {
    caller.require(Permission.REQUESTS_WRITE);
    reachable(caller, id);
    ExtensionForm given = form == null ? new ExtensionForm(null, null) : form;
    return view(desk.extend(id, given.checkedReason(), given.span(), caller.actor()));
  }

  /** Exact counts of what an open request would delete now. */
  @GetMapping("/requests/{id}/preview")
  PreviewView previewOf(ApiCaller caller, @PathVariable UUID id) {
    caller.require(Permission.REQUESTS_READ);
    DeletionRequest request = reachable(caller, id);
    if (!request.isOpen()) {
      throw new IllegalTransitionException(
          "request " + id + " is " + request.state().code() + ": see its outcome instead");
    }
    return PreviewView.of(desk.preview(id));
  }

  /** Exact counts of what a request would delete, without making one. */
  @PostMapping(path = "/previews", consumes = "application/json")
  PreviewView preview(ApiCaller caller, @RequestBody(required = false) RequestForm form) {
    caller.require(Permission.REQUESTS_READ);
    NewRequest request = forms.read(form, caller, Optional.empty());
    return PreviewView.of(
        desk.preview(
            new ErasureRequest(
                request.scope(), request.identities(), request.workspace(), request.params())));
  }

  /**
   * The caller's idempotency key, kept apart from every other API key's: the same key sent by
   * another caller is another key.
   */
  private static Optional<String> scoped(ApiCaller caller, String idempotencyKey) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 512) {
      throw InvalidFieldsException.of("Idempotency-Key", "1 to 512 characters");
    }
    return Optional.of(caller.key().id() + ":" + idempotencyKey);
  }

  /** A request this key may see; another workspace's request is as unknown as a missing one. */
  private DeletionRequest reachable(ApiCaller caller, UUID id) {
    DeletionRequest request =
        store.find(id).orElseThrow(() -> new UnknownRequestException("with id " + id));
    if (!caller.reaches(request.workspace())) {
      throw new UnknownRequestException("with id " + id);
    }
    return request;
  }

  private RequestView view(DeletionRequest request) {
    URI status =
        URI.create(address.base() + "/data-deletion/status?id=" + request.confirmationCode());
    return RequestView.of(request, status, clock.instant());
  }

  /** {@code {"reason": "…"}}. */
  record ReasonForm(String reason) {
    static String reason(ReasonForm form) {
      return RequestActionForms.reason(form == null ? null : form.reason());
    }
  }

  /** {@code {"reason": "…", "by": "2 months"}}. */
  record ExtensionForm(String reason, String by) {
    String checkedReason() {
      return RequestActionForms.reason(reason);
    }

    Span span() {
      return RequestActionForms.span(by);
    }
  }
}
