package dev.lethe.server.console.privacy;

import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Activity logs: a workspace's admin selects entries of what its admins did and deletes them as one
 * request (scope {@code activity_log}).
 */
@Controller
class ActivityController {

  static final int SHOWN = 200;
  static final int MAX_SELECTED = 200;

  private final HostDirectory directory;
  private final ConsoleDeletions deletions;
  private final ConsoleTexts texts;

  ActivityController(HostDirectory directory, ConsoleDeletions deletions, ConsoleTexts texts) {
    this.directory = directory;
    this.deletions = deletions;
    this.texts = texts;
  }

  @GetMapping("/admin/activity")
  ModelAndView activity(
      Operator me, @RequestParam(required = false) String workspace, Model model) {
    return page(me, workspace, model, Map.of(), HttpStatus.OK);
  }

  private ModelAndView page(
      Operator me, String workspace, Model model, Map<String, String> errors, HttpStatus status) {
    Optional<String> ws = ConsoleDeletions.workspace(me, workspace);
    model.addAttribute("workspace", ws.orElse(""));
    model.addAttribute("errors", errors);
    ws.ifPresent(w -> model.addAttribute("entries", directory.activity(w, SHOWN)));
    ModelAndView page = new ModelAndView("admin/activity", model.asMap());
    page.setStatus(status);
    return page;
  }

  @PostMapping("/admin/activity/deletion")
  ModelAndView delete(
      Operator me,
      @RequestParam String workspace,
      @RequestParam(name = "entry", required = false) List<String> entries,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Optional<String> ws = ConsoleDeletions.workspace(me, workspace);
    List<String> chosen =
        entries == null
            ? List.of()
            : entries.stream().filter(e -> e.matches("[0-9A-Za-z_-]{1,64}")).distinct().toList();
    if (ws.isEmpty() || chosen.isEmpty()) {
      return page(
          me,
          workspace,
          model,
          Map.of("entry", texts.text("check.select-entry")),
          HttpStatus.BAD_REQUEST);
    }
    if (chosen.size() > MAX_SELECTED
        || directory.countActivity(ws.get(), chosen) != chosen.size()) {
      return page(
          me,
          workspace,
          model,
          Map.of("entry", texts.text("check.select-entries", MAX_SELECTED)),
          HttpStatus.BAD_REQUEST);
    }
    DeletionRequest request =
        deletions.byIds(me, HostDirectory.ACTIVITY_LOG, ws.get(), chosen, locale);
    redirect.addFlashAttribute("done", "done.deletion");
    return new ModelAndView("redirect:/admin/requests/" + request.id());
  }
}
