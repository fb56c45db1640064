package dev.lethe.server.console.privacy;

import dev.lethe.core.Lethe;
import dev.lethe.core.identity.Identity;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.console.ConsoleNotFoundException;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Conversations: find an end user of a workspace by name, phone, e-mail, PSID, IGSID, WhatsApp id
 * or Telegram, and delete them (scope {@code contact}) or one of their messages (scope {@code
 * message}).
 */
@Controller
class ConversationsController {

  static final List<String> BY =
      List.of("name", "email", "phone", "psid", "igsid", "wa_id", "telegram");

  private final HostDirectory directory;
  private final ConsoleDeletions deletions;
  private final Lethe lethe;
  private final ConsoleTexts texts;

  ConversationsController(
      HostDirectory directory, ConsoleDeletions deletions, Lethe lethe, ConsoleTexts texts) {
    this.directory = directory;
    this.deletions = deletions;
    this.lethe = lethe;
    this.texts = texts;
  }

  @GetMapping("/admin/conversations")
  ModelAndView search(
      Operator me,
      @RequestParam(required = false) String workspace,
      @RequestParam(defaultValue = "name") String by,
      @RequestParam(required = false) String q,
      Model model) {
    Optional<String> ws = ConsoleDeletions.workspace(me, workspace);
    Map<String, String> errors = new HashMap<>();
    String searchBy = BY.contains(by) ? by : "name";
    model.addAttribute("workspace", ws.orElse(""));
    model.addAttribute("by", searchBy);
    model.addAttribute("byOptions", BY);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("errors", errors);
    if (ws.isPresent() && q != null && !q.isBlank()) {
      Identity identity = null;
      if (!searchBy.equals("name")) {
        try {
          identity = lethe.normalizer().normalize(IdentityKind.fromCode(searchBy).orElseThrow(), q);
        } catch (IllegalArgumentException e) {
          errors.put("q", texts.text("check.not-valid", searchBy));
        }
      } else if (q.strip().length() < 2 || q.length() > 200) {
        errors.put("q", texts.text("check.search-length"));
      }
      if (errors.isEmpty()) {
        model.addAttribute(
            "results", directory.search(ws.get(), searchBy, q, identity, me.workspaceAdmin()));
      }
    }
    ModelAndView page = new ModelAndView("admin/conversations", model.asMap());
    page.setStatus(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    return page;
  }

  @GetMapping("/admin/conversations/{workspace}/{contact}")
  String messages(
      Operator me, @PathVariable String workspace, @PathVariable String contact, Model model) {
    String ws = reachable(me, workspace, contact);
    model.addAttribute("workspace", ws);
    model.addAttribute("contact", contact);
    model.addAttribute("messages", directory.messages(ws, contact, me.workspaceAdmin()));
    return "admin/messages";
  }

  @PostMapping("/admin/conversations/{workspace}/{contact}/deletion")
  String deleteContact(
      Operator me,
      @PathVariable String workspace,
      @PathVariable String contact,
      Locale locale,
      RedirectAttributes redirect) {
    String ws = reachable(me, workspace, contact);
    DeletionRequest request =
        deletions.byIds(me, HostDirectory.CONTACT, ws, List.of(contact), locale);
    redirect.addFlashAttribute("done", "done.deletion");
    return "redirect:/admin/requests/" + request.id();
  }

  @PostMapping("/admin/conversations/{workspace}/{contact}/messages/{message}/deletion")
  String deleteMessage(
      Operator me,
      @PathVariable String workspace,
      @PathVariable String contact,
      @PathVariable String message,
      Locale locale,
      RedirectAttributes redirect) {
    String ws = reachable(me, workspace, contact);
    if (!directory.hasMessage(ws, message)) {
      throw new ConsoleNotFoundException();
    }
    DeletionRequest request =
        deletions.byIds(me, HostDirectory.MESSAGE, ws, List.of(message), locale);
    redirect.addFlashAttribute("done", "done.deletion");
    return "redirect:/admin/requests/" + request.id();
  }

  private String reachable(Operator me, String workspace, String contact) {
    if (!me.reaches(Optional.of(workspace))
        || contact.length() > 64
        || !directory.hasEndUser(workspace, contact)) {
      throw new ConsoleNotFoundException();
    }
    return workspace;
  }
}
