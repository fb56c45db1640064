package dev.lethe.server.verify;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.request.ConfirmationCodes;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.VerificationRefusedException;
import dev.lethe.server.pages.PageTexts;
import dev.lethe.server.pages.PagesProperties;
import dev.lethe.server.pages.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
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
 * Confirming a request. The mailed link shows a button, and only pressing it verifies (mail
 * scanners that open links must not confirm a deletion); the token works once. Without a link, the
 * confirmation code and the mailed six-digit code can be typed instead, a limited number of times
 * per client address (and five wrong codes per request).
 */
@Controller
class VerificationController {

  private final Desk desk;
  private final RequestStore store;
  private final PageTexts texts;
  private final RateLimiter attempts;

  VerificationController(
      Desk desk, RequestStore store, PageTexts texts, PagesProperties pages, Clock clock) {
    this.desk = desk;
    this.store = store;
    this.texts = texts;
    this.attempts = RateLimiter.perClientAddress(pages, clock);
  }

  @GetMapping("/data-deletion/verify")
  ModelAndView confirm(
      @RequestParam(required = false) String token, Locale locale, HttpServletResponse response) {
    noStore(response);
    if (token == null) {
      return codeForm("", "", Map.of(), null, HttpStatus.OK);
    }
    if (token.isBlank()) {
      return codeForm(
          "", "", Map.of(), texts.text("verify.error.incomplete", locale), HttpStatus.BAD_REQUEST);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("token", token.strip());
    model.put("switchParams", Map.of("token", token.strip()));
    return new ModelAndView("public/verify", model, HttpStatus.OK);
  }

  @PostMapping("/data-deletion/verify")
  ModelAndView verify(
      @RequestParam(required = false) String token, Locale locale, HttpServletResponse response) {
    noStore(response);
    if (token == null || token.isBlank()) {
      return codeForm(
          "", "", Map.of(), texts.text("verify.error.incomplete", locale), HttpStatus.BAD_REQUEST);
    }
    String error;
    try {
      return verified(desk.verifyByLink(token.strip()));
    } catch (VerificationRefusedException e) {
      error = CodeEntry.refused(e);
    } catch (IllegalTransitionException e) {
      error = "verify.error.not-waiting";
    }
    return codeForm("", "", Map.of(), texts.text(error, locale), HttpStatus.BAD_REQUEST);
  }

  @PostMapping("/data-deletion/verify/code")
  ModelAndView verifyCode(
      @RequestParam(name = "confirmation_code", required = false) String confirmationCode,
      @RequestParam(required = false) String code,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    noStore(response);
    String typedCode = clip(confirmationCode);
    String typedDigits = clip(code);
    Optional<Duration> wait = attempts.tryAcquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      response.setHeader("Retry-After", String.valueOf(wait.get().toSeconds()));
      return codeForm(
          typedCode,
          typedDigits,
          Map.of("code", texts.waitText("form.error.rate.address", wait.get(), locale)),
          null,
          HttpStatus.TOO_MANY_REQUESTS);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<DeletionRequest> found =
        ConfirmationCodes.read(typedCode).flatMap(store::findByConfirmationCode);
    if (typedCode.isEmpty()) {
      errors.put("confirmation_code", texts.text("verify.error.confirmation.required", locale));
    } else if (found.isEmpty()) {
      errors.put("confirmation_code", texts.text("verify.error.confirmation.unknown", locale));
    }
    if (errors.isEmpty()) {
      CodeEntry.Outcome outcome = CodeEntry.redeem(desk, found.get().id(), typedDigits);
      if (outcome.verified() != null) {
        return verified(outcome.verified());
      }
      errors.put("code", texts.text(outcome.errorKey(), locale));
    } else if (typedDigits.isEmpty()) {
      errors.put("code", texts.text("verify.error.code.required", locale));
    }
    return codeForm(typedCode, typedDigits, errors, null, HttpStatus.BAD_REQUEST);
  }

  private static ModelAndView verified(DeletionRequest request) {
    return CodeEntry.verifiedPage(request);
  }

  private static ModelAndView codeForm(
      String confirmationCode,
      String code,
      Map<String, String> errors,
      String error,
      HttpStatus status) {
    Map<String, Object> model = new HashMap<>();
    model.put("token", null);
    model.put("error", error);
    model.put("errors", errors);
    model.put("confirmationCode", confirmationCode);
    model.put("code", code);
    model.put("switchParams", Map.of());
    return new ModelAndView("public/verify", model, status);
  }

  private static String clip(String typed) {
    String value = typed == null ? "" : typed.strip();
    return value.length() > 64 ? value.substring(0, 65) : value;
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }
}
