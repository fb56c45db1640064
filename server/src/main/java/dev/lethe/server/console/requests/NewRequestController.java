package dev.lethe.server.console.requests;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.Scope;
import dev.lethe.core.deadline.Jurisdiction;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.request.NewRequest;
import dev.lethe.core.request.Received;
import dev.lethe.server.api.InvalidFieldsException;
import dev.lethe.server.api.requests.RequestForm;
import dev.lethe.server.api.requests.RequestForms;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import dev.lethe.server.requests.RequestProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request entered by staff: an e-mail or a letter the person wrote (the e-mail door), with the
 * scope, the person's identities, the workspace, where to write back and in which language, how
 * their identity is checked (a mailed link, or staff) and a grace period. Checked by the REST API's
 * own {@link RequestForms}.
 */
@Controller
class NewRequestController {

  static final int IDENTITY_ROWS = 3;

  private final Desk desk;
  private final Lethe lethe;
  private final RequestForms forms;
  private final ConsoleTexts texts;

  NewRequestController(Desk desk, Lethe lethe, RequestProperties properties, ConsoleTexts texts) {
    this.desk = desk;
    this.lethe = lethe;
    this.texts = texts;
    this.forms =
        new RequestForms(lethe.dataMap(), lethe.normalizer(), properties.defaultJurisdiction());
  }

  /** The form as posted; blank identity rows are left out. */
  public record Form(
      String scope,
      String workspace,
      List<String> identityKind,
      List<String> identityValue,
      String jurisdiction,
      String source,
      String contactEmail,
      String contactLanguage,
      String verification,
      String graceDays) {

    public Form {
      identityKind = identityKind == null ? List.of() : identityKind;
      identityValue = identityValue == null ? List.of() : identityValue;
    }

    static Form empty() {
      return new Form("contact", "", List.of(), List.of(), "", "email", "", "en", "email", "");
    }

    public String kind(int i) {
      return i < identityKind.size() ? identityKind.get(i) : "";
    }

    public String value(int i) {
      return i < identityValue.size() ? identityValue.get(i) : "";
    }

    @Override
    public String toString() {
      return "Form[scope=" + scope + ", identities=<redacted>, contact=<redacted>]";
    }
  }

  @GetMapping("/admin/requests/new")
  String form(Operator me, Model model) {
    fill(model, me, Form.empty(), Map.of());
    return "admin/new-request";
  }

  @PostMapping("/admin/requests/new")
  ModelAndView create(
      Operator me, @ModelAttribute Form form, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = new HashMap<>();
    List<RequestForm.IdentityForm> identities = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < Math.max(form.identityKind().size(), form.identityValue().size()); i++) {
      if (!form.value(i).isBlank()) {
        identities.add(new RequestForm.IdentityForm(form.kind(i), form.value(i)));
        rows.add(i);
      }
    }
    String grace = null;
    if (form.graceDays() != null && !form.graceDays().isBlank()) {
      try {
        int days = Integer.parseInt(form.graceDays().strip());
        grace = "P" + days + "D";
        if (days < 1 || days > 90) {
          errors.put("graceDays", texts.text("check.grace-days"));
        }
      } catch (NumberFormatException e) {
        errors.put("graceDays", texts.text("check.whole-days"));
      }
    }
    boolean hasEmail = form.contactEmail() != null && !form.contactEmail().isBlank();
    RequestForm request =
        new RequestForm(
            "erasure",
            form.scope(),
            form.workspace(),
            identities,
            Map.of(),
            form.jurisdiction(),
            form.source(),
            grace,
            form.verification(),
            hasEmail
                ? new RequestForm.ContactForm(form.contactEmail(), form.contactLanguage())
                : null);
    try {
      NewRequest checked = forms.read(request, me, Optional.empty());
      if (!errors.isEmpty()) {
        return again(model, me, form, errors);
      }
      Received received = desk.receive(checked, me.actor());
      redirect.addFlashAttribute("done", received.created() ? "done.created" : "done.merged");
      return new ModelAndView("redirect:/admin/requests/" + received.request().id());
    } catch (InvalidFieldsException e) {
      for (InvalidFieldsException.FieldError f : e.errors()) {
        errors.putIfAbsent(field(f.field(), rows), texts.of(f));
      }
      return again(model, me, form, errors);
    } catch (RequestException e) {
      errors.put("scope", e.getMessage());
      return again(model, me, form, errors);
    }
  }

  /** {@code identities[1].value} names the second identity sent, which may be another row. */
  private static String field(String field, List<Integer> rows) {
    if (field.startsWith("identities[")) {
      int end = field.indexOf(']');
      int sent = Integer.parseInt(field.substring("identities[".length(), end));
      return "identity" + (sent < rows.size() ? rows.get(sent) : 0);
    }
    return switch (field) {
      case "grace_period" -> "graceDays";
      case "contact" -> "contactEmail";
      default -> field;
    };
  }

  private ModelAndView again(Model model, Operator me, Form form, Map<String, String> errors) {
    fill(model, me, form, errors);
    ModelAndView page = new ModelAndView("admin/new-request", model.asMap());
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }

  private void fill(Model model, Operator me, Form form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "scopes",
        lethe.dataMap().scopes().values().stream()
            .filter(s -> !me.limited() || s.tenantBound())
            .map(Scope::name)
            .toList());
    model.addAttribute(
        "kinds", Arrays.stream(IdentityKind.values()).map(IdentityKind::code).toList());
    model.addAttribute(
        "jurisdictions", Arrays.stream(Jurisdiction.values()).map(Jurisdiction::name).toList());
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < IDENTITY_ROWS; i++) {
      rows.add(i);
    }
    model.addAttribute("identityRows", rows);
  }
}
