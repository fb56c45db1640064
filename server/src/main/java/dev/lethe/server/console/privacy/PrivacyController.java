package dev.lethe.server.console.privacy;

import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.console.ConsoleTexts;
import dev.lethe.server.console.Operator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The privacy module: a workspace's end users by bot (or all bots) and by the date of their first
 * conversation (last week by default), their count, and one request ({@code bot_users}) that
 * deletes them all in the background and mails the operator a confirmation. Names are shown to the
 * workspace's own admins only: it is their data, and the others need just the count to decide.
 */
@Controller
class PrivacyController {

  static final int SHOWN = 50;

  private final HostDirectory directory;
  private final ConsoleDeletions deletions;
  private final Clock clock;
  private final ConsoleTexts texts;

  PrivacyController(
      HostDirectory directory, ConsoleDeletions deletions, Clock clock, ConsoleTexts texts) {
    this.directory = directory;
    this.deletions = deletions;
    this.clock = clock;
    this.texts = texts;
  }

  @GetMapping("/admin/privacy")
  ModelAndView privacy(
      Operator me,
      @RequestParam(required = false) String workspace,
      @RequestParam(required = false) String bot,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    return page(me, workspace, bot, from, to, model, HttpStatus.OK);
  }

  private ModelAndView page(
      Operator me,
      String workspace,
      String bot,
      String from,
      String to,
      Model model,
      HttpStatus status) {
    Optional<String> ws = ConsoleDeletions.workspace(me, workspace);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Map<String, String> errors = new HashMap<>();
    LocalDate start = date(from, today.minusDays(7), "from", errors);
    LocalDate end = date(to, today.plusDays(1), "to", errors);
    if (errors.isEmpty() && !end.isAfter(start)) {
      errors.put("to", texts.text("check.after-start"));
    }
    Optional<String> chosenBot =
        Optional.ofNullable(bot).map(String::strip).filter(b -> !b.isEmpty());
    model.addAttribute("workspace", ws.orElse(""));
    model.addAttribute("bot", chosenBot.orElse(""));
    model.addAttribute("from", start.toString());
    model.addAttribute("to", end.toString());
    model.addAttribute("errors", errors);
    model.addAttribute("withNames", me.workspaceAdmin());
    if (ws.isPresent()) {
      model.addAttribute("bots", directory.bots(ws.get()));
      if (errors.isEmpty()) {
        long count = directory.countBotUsers(ws.get(), chosenBot, start, end);
        model.addAttribute("count", count);
        model.addAttribute(
            "users",
            directory.botUsers(ws.get(), chosenBot, start, end, me.workspaceAdmin(), SHOWN));
      }
    }
    ModelAndView page = new ModelAndView("admin/privacy", model.asMap());
    page.setStatus(errors.isEmpty() ? status : HttpStatus.BAD_REQUEST);
    return page;
  }

  @PostMapping("/admin/privacy/deletion")
  ModelAndView delete(
      Operator me,
      @RequestParam String workspace,
      @RequestParam(required = false) String bot,
      @RequestParam String from,
      @RequestParam String to,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    Optional<String> ws = ConsoleDeletions.workspace(me, workspace);
    Map<String, String> errors = new HashMap<>();
    LocalDate start = date(from, null, "from", errors);
    LocalDate end = date(to, null, "to", errors);
    if (ws.isEmpty() || !errors.isEmpty() || !end.isAfter(start)) {
      return page(me, workspace, bot, from, to, model, HttpStatus.BAD_REQUEST);
    }
    Map<String, String> params = new LinkedHashMap<>();
    Optional.ofNullable(bot)
        .map(String::strip)
        .filter(b -> !b.isEmpty())
        .ifPresent(b -> params.put("bot", b));
    params.put("first_conversation", start + ".." + end);
    DeletionRequest request =
        deletions.byFilters(me, HostDirectory.BOT_USERS, ws.get(), params, locale);
    redirect.addFlashAttribute("done", "done.deletion");
    return new ModelAndView("redirect:/admin/requests/" + request.id());
  }

  private LocalDate date(
      String given, LocalDate otherwise, String field, Map<String, String> errors) {
    if (given == null || given.isBlank()) {
      if (otherwise == null) {
        errors.put(field, texts.text("check.required"));
      }
      return otherwise;
    }
    try {
      return LocalDate.parse(given.strip());
    } catch (DateTimeParseException e) {
      errors.put(field, texts.text("check.date"));
      return otherwise;
    }
  }
}
