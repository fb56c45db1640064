package dev.lethe.server.console.operators;

import dev.lethe.server.console.ConsoleNotFoundException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One operator: change the role and workspaces, set a new password, disable or enable. Operators
 * are never deleted, so the ids on request events keep naming someone; an admin cannot change their
 * own role or disable themselves, so the console always keeps a platform admin who can act.
 */
@Controller
class OperatorPageController {

  private final Operators operators;
  private final OperatorForms forms;

  OperatorPageController(Operators operators, OperatorForms forms) {
    this.operators = operators;
    this.forms = forms;
  }

  @GetMapping("/admin/operators/{id}")
  String show(@PathVariable String id, Model model) {
    fill(model, find(id), Map.of());
    return "admin/operator";
  }

  @PostMapping("/admin/operators/{id}/role")
  ModelAndView role(
      Operator me,
      @PathVariable String id,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String workspaces,
      Model model,
      RedirectAttributes redirect) {
    Operator operator = find(id);
    Map<String, String> errors = new HashMap<>();
    if (operator.id().equals(me.id())) {
      errors.put("role", forms.text("check.own-role"));
    }
    Optional<Role> chosen = forms.role(errors, role);
    SortedSet<String> kept = chosen.map(r -> forms.workspaces(errors, r, workspaces)).orElse(null);
    if (errors.isEmpty()) {
      operators.change(id, chosen.orElseThrow(), kept);
      return done(redirect, id, "done.roleChanged");
    }
    return refused(model, operator, errors);
  }

  @PostMapping("/admin/operators/{id}/password")
  ModelAndView password(
      @PathVariable String id,
      @RequestParam(required = false) String password,
      Model model,
      RedirectAttributes redirect) {
    Operator operator = find(id);
    Map<String, String> errors = new HashMap<>();
    forms.check(errors, "password", NewOperator::checkPassword, password);
    if (errors.isEmpty()) {
      operators.setPassword(id, password);
      return done(redirect, id, "done.passwordSet");
    }
    return refused(model, operator, errors);
  }

  @PostMapping("/admin/operators/{id}/disable")
  ModelAndView disable(
      Operator me, @PathVariable String id, Model model, RedirectAttributes redirect) {
    Operator operator = find(id);
    if (operator.id().equals(me.id())) {
      return refused(model, operator, Map.of("enabled", forms.text("check.disable-self")));
    }
    operators.disable(id, me.actor());
    return done(redirect, id, "done.disabled");
  }

  @PostMapping("/admin/operators/{id}/enable")
  ModelAndView enable(@PathVariable String id, RedirectAttributes redirect) {
    find(id);
    operators.enable(id);
    return done(redirect, id, "done.enabled");
  }

  private Operator find(String id) {
    return operators.find(id).orElseThrow(ConsoleNotFoundException::new);
  }

  private static ModelAndView done(RedirectAttributes redirect, String id, String message) {
    redirect.addFlashAttribute("done", message);
    return new ModelAndView("redirect:/admin/operators/" + id);
  }

  private ModelAndView refused(Model model, Operator operator, Map<String, String> errors) {
    fill(model, operator, errors);
    ModelAndView page = new ModelAndView("admin/operator", model.asMap());
    page.setStatus(HttpStatus.BAD_REQUEST);
    return page;
  }

  private static void fill(Model model, Operator operator, Map<String, String> errors) {
    model.addAttribute("operator", operator);
    model.addAttribute("errors", errors);
    model.addAttribute("roles", Role.values());
  }
}
