package dev.lethe.server.console.holds;

import dev.lethe.core.Lethe;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.hold.Hold;
import dev.lethe.core.hold.HoldAlreadyLiftedException;
import dev.lethe.core.hold.HoldFilter;
import dev.lethe.core.hold.Holds;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.hold.NewHold;
import dev.lethe.core.hold.UnknownHoldException;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.holds.HoldForm;
import dev.lethe.server.api.holds.HoldForms;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Legal holds: place one on a workspace, a person's identifier or one row of data (with a reason, a
 * case reference and an optional expiry), list them, lift them — the requests they kept go on.
 * Checked by the REST API's own {@link HoldForms}.
 */
@Controller
class HoldsPageController {

  private final Holds holds;
  private final Desk desk;
  private final HoldForms forms;
  private final Lethe lethe;
  private final Clock clock;
  private final ConsoleTexts texts;

  HoldsPageController(Holds holds, Desk desk, Lethe lethe, Clock clock, ConsoleTexts texts) {
    this.holds = holds;
    this.desk = desk;
    this.lethe = lethe;
    this.clock = clock;
    this.forms = new HoldForms(lethe.dataMap(), lethe.normalizer(), clock);
    this.texts = texts;
  }

  /** The form as posted: {@code target} says which of the fields count. */
  public record Form(
      String target,
      String workspace,
      String identityKind,
      String identityValue,
      String entity,
      String key,
      String reason,
      String reference,
      String expires) {

    static Form empty() {
      return new Form("workspace", "", "email", "", "", "", "", "", "");
    }

    @Override
    public String toString() {
      return "Form[target=" + target + ", identityValue=<redacted>]";
    }
  }

  /** A hold as listed. */
  public record Row(
      String id,
      String target,
      String what,
      String reason,
      String reference,
      Instant placedAt,
      String placedBy,
      Instant expiresAt,
      String status) {
    static Row of(Hold h, Instant now) {
      String target;
      String what;
      switch (h.target()) {
        case LegalHold.Tenant t -> {
          target = "workspace";
          what = t.tenant();
        }
        case LegalHold.OnIdentity i -> {
          target = "identity";
          what = i.kind().code();
        }
        case LegalHold.Row r -> {
          target = "entity";
          what = r.entity() + " " + r.key();
        }
      }
      String status = h.lifted() ? "lifted" : h.active(now) ? "inForce" : "expired";
      return new Row(
          h.id(),
          target,
          what,
          h.reason(),
          h.reference().orElse(""),
          h.placedAt(),
          h.placedBy().code(),
          h.expiresAt().orElse(null),
          status);
    }
  }

  @GetMapping("/admin/holds")
  String list(@RequestParam(defaultValue = "false") boolean all, Model model) {
    fill(model, all, Form.empty(), Map.of());
    return "admin/holds";
  }

  @PostMapping("/admin/holds")
  ModelAndView place(
      Operator me, @ModelAttribute Form form, Model model, RedirectAttributes redirect) {
    String target = form.target() == null ? "" : form.target();
    String expires =
        form.expires() == null || form.expires().isBlank()
            ? null
            : form.expires().strip() + "T00:00:00Z";
    HoldForm hold =
        new HoldForm(
            target.equals("workspace") ? form.workspace() : null,
            target.equals("identity")
                ? new HoldForm.IdentityForm(form.identityKind(), form.identityValue())
                : null,
            target.equals("entity") ? form.entity() : null,
            target.equals("entity") ? form.key() : null,
            form.reason(),
            form.reference(),
            expires);
    Map<String, String> errors = new HashMap<>();
    try {
      NewHold checked = forms.read(hold);
      holds.place(checked, me.actor());
      redirect.addFlashAttribute("done", "done.placed");
      return new ModelAndView("redirect:/admin/holds");
    } catch (InvalidFieldsException e) {
      for (InvalidFieldsException.FieldError f : e.errors()) {
        errors.putIfAbsent(
            switch (f.field()) {
              case "expires_at" -> "expires";
              case "identity" -> "identityValue";
              case "body" -> "target";
              default -> f.field();
            },
            texts.of(f));
      }
    }
    fill(model, false, form, errors);
    ModelAndView page = new ModelAndView("admin/holds", model.asMap());
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }

  @PostMapping("/admin/holds/{id}/lift")
  String lift(
      Operator me,
      @PathVariable String id,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    String given = note == null ? "" : note.strip();
    if (given.length() > 500) {
      given = given.substring(0, 500);
    }
    try {
      holds.lift(id, me.actor(), given.isEmpty() ? null : given);
      desk.holdLifted(id);
      redirect.addFlashAttribute("done", "done.lifted");
    } catch (HoldAlreadyLiftedException e) {
      redirect.addFlashAttribute("done", "done.lifted");
    } catch (IllegalArgumentException e) {
      throw new UnknownHoldException(id);
    }
    return "redirect:/admin/holds";
  }

  private void fill(Model model, boolean all, Form form, Map<String, String> errors) {
    Instant now = clock.instant();
    List<Hold> listed = holds.list((all ? HoldFilter.all() : HoldFilter.active()).page(0, 200));
    model.addAttribute("holds", listed.stream().map(h -> Row.of(h, now)).toList());
    model.addAttribute("all", all);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("entities", lethe.dataMap().entities().keySet().stream().sorted().toList());
    model.addAttribute(
        "kinds", List.of("email", "phone", "wa_id", "psid", "igsid", "meta_user_id", "telegram"));
  }
}
