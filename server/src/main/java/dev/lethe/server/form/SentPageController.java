package dev.lethe.server.form;

import dev.lethe.core.desk.Desk;
import dev.lethe.server.pages.PageTexts;
import dev.lethe.server.pages.PagesProperties;
import dev.lethe.server.pages.RateLimiter;
import dev.lethe.server.verify.CodeEntry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a sent form leads to, {@code /data-deletion/request/sent?ref=…}: what happens next, and
 * a field for the mailed six-digit code (typed a limited number of times per client address, and
 * five wrong codes per request). The confirmation code appears only once the code confirmed.
 */
@Controller
class SentPageController {

  private static final int MAX_TYPED = 12;

  private final Desk desk;
  private final SentPages sent;
  private final PageTexts texts;
  private final RateLimiter attempts;

  SentPageController(
      Desk desk, SentPages sent, PageTexts texts, PagesProperties pages, Clock clock) {
    this.desk = desk;
    this.sent = sent;
    this.texts = texts;
    this.attempts = RateLimiter.perClientAddress(pages, clock);
  }

  @GetMapping("/data-deletion/request/sent")
  ModelAndView sent(
      @RequestParam(required = false) String ref, Locale locale, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    return sent.read(ref)
        .map(pending -> page(ref, pending, "", Map.of(), HttpStatus.OK, locale))
        .orElseGet(SentPageController::expired);
  }

  @PostMapping("/data-deletion/request/sent")
  ModelAndView confirm(
      @RequestParam(required = false) String ref,
      @RequestParam(required = false) String code,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    Optional<SentPages.Pending> pending = sent.read(ref);
    if (pending.isEmpty()) {
      return expired();
    }
    String typed = code == null ? "" : code.strip();
    typed = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED + 1) : typed;
    Optional<Duration> wait = attempts.tryAcquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      response.setHeader("Retry-After", String.valueOf(wait.get().toSeconds()));
      return page(
          ref,
          pending.get(),
          typed,
          Map.of("code", texts.waitText("form.error.rate.address", wait.get(), locale)),
          HttpStatus.TOO_MANY_REQUESTS,
          locale);
    }
    CodeEntry.Outcome outcome = CodeEntry.redeem(desk, pending.get().requestId(), typed);
    if (outcome.verified() != null) {
      return CodeEntry.verifiedPage(outcome.verified());
    }
    return page(
        ref,
        pending.get(),
        typed,
        Map.of("code", texts.text(outcome.errorKey(), locale)),
        HttpStatus.BAD_REQUEST,
        locale);
  }

  private ModelAndView page(
      String ref,
      SentPages.Pending pending,
      String code,
      Map<String, String> errors,
      HttpStatus status,
      Locale locale) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("ref", ref);
    model.put("forStaff", pending.forStaff());
    model.put("validity", texts.duration(sent.validity(), locale));
    model.put("code", code);
    model.put("errors", errors);
    return new ModelAndView("public/request-sent", model, status);
  }

  private static ModelAndView expired() {
    return new ModelAndView("public/request-expired", Map.of(), HttpStatus.NOT_FOUND);
  }
}
