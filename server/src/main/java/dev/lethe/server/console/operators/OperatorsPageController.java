package dev.lethe.server.console.operators;

import dev.lethe.server.console.NewOperator;
import dev.lethe.server.console.Operator;
import dev.lethe.server.console.Operators;
import dev.lethe.server.console.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators (platform admins only): every one listed with role, workspaces and whether they are
 * disabled, and a form to add one — name, role, workspaces for a workspace admin, e-mail, a first
 * password — each refusal next to its field. One operator's page changes the rest.
 */
@Controller
class OperatorsPageController {

  /** The add form as posted; the password is never shown again. */
  public record AddForm(
      String name, String email, String password, String role, String workspaces) {
    static AddForm empty() {
      return new AddForm("", "", "", "privacy_operator", "");
    }

    @Override
    public String toString() {
      return "AddForm[name=" + name + ", role=" + role + ", password=<redacted>]";
    }
  }

  private final Operators operators;
  private final OperatorForms forms;

  OperatorsPageController(Operators operators, OperatorForms forms) {
    this.operators = operators;
    this.forms = forms;
  }

  @GetMapping("/admin/operators")
  String list(Model model) {
    fill(model, AddForm.empty(), Map.of());
    return "admin/operators";
  }

  @PostMapping("/admin/operators")
  ModelAndView add(
      Operator me, @ModelAttribute AddForm form, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = new HashMap<>();
    String name = form.name() == null ? "" : form.name().strip();
    forms.check(errors, "name", NewOperator::checkId, name);
    forms.check(errors, "password", NewOperator::checkPassword, form.password());
    Optional<String> email = forms.email(errors, form.email());
    Optional<Role> role = forms.role(errors, form.role());
    SortedSet<String> workspaces =
        role.map(r -> forms.workspaces(errors, r, form.workspaces())).orElse(null);
    if (errors.isEmpty()) {
      NewOperator operator =
          new NewOperator(name, email, form.password(), role.orElseThrow(), workspaces);
      if (operators.add(operator, me.actor())) {
        redirect.addFlashAttribute("done", "done.added");
        return new ModelAndView("redirect:/admin/operators/" + name);
      }
      errors.put("name", forms.text("check.name-taken"));
    }
    fill(model, form, errors);
    ModelAndView page = new ModelAndView("admin/operators", model.asMap());
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }

  private void fill(Model model, AddForm form, Map<String, String> errors) {
    model.addAttribute("operators", operators.list());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("roles", Role.values());
  }
}
