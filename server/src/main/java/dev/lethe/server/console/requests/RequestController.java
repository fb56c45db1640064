package dev.lethe.server.console.requests;

import dev.lethe.core.deadline.ExtensionRefusedException;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.plan.Preview;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.receipt.Outcome;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.RequestState;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.StaleRequestException;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.requests.RequestActionForms;
import dev.lethe.server.console.ConsoleNotFoundException;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One request: its timeline, due dates, what it would delete now (while open) or what it deleted
 * (its receipts), and what staff may do with it — resend the verification, verify by hand with a
 * note, reject or extend with a reason, cancel. A bad form is answered on the same page, the
 * message next to the field.
 */
@Controller
class RequestController {

  private static final Set<RequestState> REJECTABLE =
      EnumSet.of(
          RequestState.RECEIVED,
          RequestState.AWAITING_VERIFICATION,
          RequestState.GRACE_PERIOD,
          RequestState.FAILED);
  private static final Set<RequestState> CANCELLABLE =
      EnumSet.of(
          RequestState.RECEIVED, RequestState.AWAITING_VERIFICATION, RequestState.GRACE_PERIOD);

  private final Desk desk;
  private final Requests requests;
  private final RequestStore store;
  private final Clock clock;
  private final ConsoleTexts texts;

  RequestController(
      Desk desk, Requests requests, RequestStore store, Clock clock, ConsoleTexts texts) {
    this.desk = desk;
    this.requests = requests;
    this.store = store;
    this.clock = clock;
    this.texts = texts;
  }

  @GetMapping("/admin/requests/{id}")
  String show(Operator me, @PathVariable UUID id, Model model) {
    fill(model, reachable(me, id));
    return "admin/request";
  }

  @PostMapping("/admin/requests/{id}/verification")
  ModelAndView verify(
      Operator me,
      @PathVariable UUID id,
      @RequestParam(required = false) String note,
      Model model,
      RedirectAttributes redirect) {
    reachable(me, id);
    return act(
        me,
        id,
        model,
        redirect,
        "done.verified",
        Map.of("note", nz(note)),
        () -> desk.verifyManually(id, me.actor(), RequestActionForms.verificationNote(note)));
  }

  @PostMapping("/admin/requests/{id}/verification/resend")
  ModelAndView resend(
      Operator me, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
    reachable(me, id);
    return act(
        me,
        id,
        model,
        redirect,
        "done.resent",
        Map.of(),
        () -> {
          desk.resendVerification(id);
          return null;
        });
  }

  @PostMapping("/admin/requests/{id}/rejection")
  ModelAndView reject(
      Operator me,
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      Model model,
      RedirectAttributes redirect) {
    reachable(me, id);
    return act(
        me,
        id,
        model,
        redirect,
        "done.rejected",
        Map.of("rejectReason", nz(reason)),
        () -> desk.reject(id, RequestActionForms.reason(reason), me.actor()));
  }

  @PostMapping("/admin/requests/{id}/extension")
  ModelAndView extend(
      Operator me,
      @PathVariable UUID id,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String by,
      Model model,
      RedirectAttributes redirect) {
    reachable(me, id);
    return act(
        me,
        id,
        model,
        redirect,
        "done.extended",
        Map.of("extendReason", nz(reason), "by", nz(by)),
        () -> {
          List<InvalidFieldsException.FieldError> wrong = new ArrayList<>();
          String checked = null;
          Span span = null;
          try {
            checked = RequestActionForms.reason(reason);
          } catch (InvalidFieldsException e) {
            wrong.addAll(e.errors());
          }
          try {
            span = RequestActionForms.span(by);
          } catch (InvalidFieldsException e) {
            wrong.addAll(e.errors());
          }
          if (!wrong.isEmpty()) {
            throw new InvalidFieldsException(wrong);
          }
          return desk.extend(id, checked, span, me.actor());
        });
  }

  @PostMapping("/admin/requests/{id}/cancel")
  ModelAndView cancel(
      Operator me, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
    reachable(me, id);
    return act(
        me, id, model, redirect, "done.cancelled", Map.of(), () -> desk.cancel(id, me.actor()));
  }

  /**
   * Runs the action; on success back to the request with a note, otherwise the same page with the
   * form's errors (400) or why it is not possible now (409).
   */
  private ModelAndView act(
      Operator me,
      UUID id,
      Model model,
      RedirectAttributes redirect,
      String done,
      Map<String, String> given,
      Supplier<?> action) {
    Map<String, String> errors = new HashMap<>();
    HttpStatus status;
    try {
      action.get();
      redirect.addFlashAttribute("done", done);
      return new ModelAndView("redirect:/admin/requests/" + id);
    } catch (InvalidFieldsException e) {
      e.errors().forEach(f -> errors.put(field(f.field(), given), texts.of(f)));
      status = HttpStatus.BAD_REQUEST;
    } catch (ExtensionRefusedException e) {
      errors.put("by", e.getMessage());
      status = HttpStatus.UNPROCESSABLE_CONTENT;
    } catch (IllegalTransitionException | StaleRequestException e) {
      model.addAttribute("problem", e.getMessage());
      status = HttpStatus.CONFLICT;
    }
    fill(model, reachable(me, id));
    model.addAttribute("errors", errors);
    model.addAttribute("given", given);
    ModelAndView page = new ModelAndView("admin/request", model.asMap());
    page.setStatus(status);
    return page;
  }

  /** The reject and extend forms both have a reason: name the one that was sent. */
  private static String field(String field, Map<String, String> given) {
    if (field.equals("reason")) {
      return given.containsKey("rejectReason") ? "rejectReason" : "extendReason";
    }
    return field;
  }

  private void fill(Model model, DeletionRequest request) {
    Instant now = clock.instant();
    model.addAttribute("request", request);
    model.addAttribute("row", RequestRow.of(request, now));
    model.addAttribute(
        "steps", requests.events(request.id()).stream().map(RequestRow.Step::of).toList());
    model.addAttribute(
        "hasContact", request.isOpen() && requests.contact(request.id()).isPresent());
    model.addAttribute("canVerify", request.state() == RequestState.AWAITING_VERIFICATION);
    model.addAttribute("canReject", REJECTABLE.contains(request.state()));
    model.addAttribute("canCancel", CANCELLABLE.contains(request.state()));
    model.addAttribute("canExtend", request.isOpen());
    List<Receipt> receipts = desk.receipts(request.id());
    model.addAttribute("receipts", receipts);
    model.addAttribute("summary", ReceiptSummary.of(receipts));
    // "before execution": not once it is queued to run or running, when the counts change under
    // it and would compete with the run's own statements (on the embedded database a scope's count
    // of a few dozen roots, read while their run deleted them, held the page for half a minute)
    boolean executing =
        request.state() == RequestState.SCHEDULED
            || request.state() == RequestState.RUNNING
            || request.state() == RequestState.VERIFYING;
    model.addAttribute("preview", request.isOpen() && !executing ? preview(request) : null);
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
      model.addAttribute("given", Map.of());
    }
  }

  /** What an open request would delete now; nothing when it cannot be planned. */
  private PreviewCounts preview(DeletionRequest request) {
    try {
      Preview preview = desk.preview(request.id());
      return PreviewCounts.of(preview);
    } catch (RequestException | IllegalTransitionException e) {
      return null;
    }
  }

  /** Exact counts per entity before execution. */
  public record PreviewCounts(
      List<Line> lines, long deleted, long anonymized, long retained, long held) {
    public record Line(String entity, long deleted, long anonymized, long retained, long held) {}

    static PreviewCounts of(Preview preview) {
      return new PreviewCounts(
          preview.entities().stream()
              .filter(e -> e.total() > 0)
              .map(
                  e ->
                      new Line(
                          e.entity(),
                          e.get(Outcome.DELETED) + e.get(Outcome.DETACHED),
                          e.get(Outcome.ANONYMIZED),
                          e.get(Outcome.RETAINED),
                          e.get(Outcome.HELD)))
              .toList(),
          preview.total(Outcome.DELETED) + preview.total(Outcome.DETACHED),
          preview.total(Outcome.ANONYMIZED),
          preview.total(Outcome.RETAINED),
          preview.total(Outcome.HELD));
    }
  }

  private DeletionRequest reachable(Operator me, UUID id) {
    DeletionRequest request = store.find(id).orElseThrow(ConsoleNotFoundException::new);
    if (!me.reaches(request.workspace())) {
      throw new ConsoleNotFoundException();
    }
    return request;
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
