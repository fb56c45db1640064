package dev.lethe.server.form;

import dev.lethe.core.Lethe;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.request.Actor;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.InvalidRequestException;
import dev.lethe.core.request.Received;
import dev.lethe.core.request.RequestState;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.FormChoices;
import dev.lethe.server.pages.PageTexts;
import dev.lethe.server.pages.PagesProperties;
import dev.lethe.server.pages.RateLimiter;
import dev.lethe.server.requests.RequestProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public request form: {@code GET /data-deletion/request} shows it, {@code POST} checks it and
 * hands the request to the desk, which mails the person a link and a code (or, for identifiers a
 * link cannot prove, leaves it to staff), then leads to the page that says what happens next
 * ({@link SentPageController}). Each client address may send so many forms, and each e-mail address
 * make so many requests, in a while; robots are kept out by {@link FormTokens}.
 */
@Controller
class RequestFormController {

  private static final Logger LOG = LoggerFactory.getLogger(RequestFormController.class);

  private final Desk desk;
  private final FormChoices choices;
  private final FormCheck check;
  private final FormTokens tokens;
  private final SentPages sent;
  private final PageTexts texts;
  private final DataNames names;
  private final KeyedHasher hasher;
  private final RateLimiter perAddress;
  private final RateLimiter perEmail;

  RequestFormController(
      Desk desk,
      Lethe lethe,
      FormChoices choices,
      PagesProperties pages,
      RequestProperties requests,
      PageTexts texts,
      DataNames names,
      KeyedHasher hasher,
      SentPages sent,
      Clock clock) {
    PagesProperties.RequestForm form = pages.requestForm();
    this.desk = desk;
    this.choices = choices;
    this.check =
        new FormCheck(
            lethe.dataMap(),
            choices,
            lethe.normalizer(),
            lethe.workspaces(),
            requests.defaultJurisdiction(),
            texts,
            names);
    this.tokens = new FormTokens(hasher, clock, form.minFillTime(), form.maxFillTime());
    this.sent = sent;
    this.texts = texts;
    this.names = names;
    this.hasher = hasher;
    this.perAddress = RateLimiter.perClientAddress(pages, clock);
    this.perEmail = RateLimiter.perEmailAddress(pages, clock);
  }

  @GetMapping("/data-deletion/request")
  ModelAndView form(Locale locale, HttpServletResponse response) {
    requireOffered();
    noStore(response);
    String first = choices.account().isPresent() ? "account" : null;
    return page(
        FormValues.empty(first, PageTexts.language(locale), tokens.issue()),
        Map.of(),
        HttpStatus.OK,
        locale);
  }

  @PostMapping("/data-deletion/request")
  ModelAndView submit(
      @RequestParam Map<String, String> params,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    requireOffered();
    noStore(response);
    FormValues form = FormValues.from(params);
    Optional<Duration> wait = perAddress.tryAcquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      return limited(form, "submit", "form.error.rate.address", wait.get(), locale, response);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    FormValues shown = botCheck(form, errors, locale);
    FormCheck.Checked checked = check.check(form, locale);
    errors.putAll(checked.errors());
    if (!errors.isEmpty()) {
      return page(shown, errors, HttpStatus.BAD_REQUEST, locale);
    }
    wait = perEmail.tryAcquire(hasher.hex(checked.email(), "request-form-rate"));
    if (wait.isPresent()) {
      return limited(form, "email", "form.error.rate.email", wait.get(), locale, response);
    }
    Received received;
    try {
      received =
          checked.forStaff()
              ? desk.receiveForStaffVerification(checked.request(), Actor.subject())
              : desk.receive(checked.request(), Actor.subject());
    } catch (RequestException | InvalidRequestException e) {
      LOG.info("a request from the public form was refused: {}", e.getMessage());
      return page(
          form,
          Map.of("submit", texts.text("form.error.request", locale)),
          HttpStatus.BAD_REQUEST,
          locale);
    }
    tokens.spend(form.token());
    DeletionRequest stored = received.request();
    if (!received.created()
        && !checked.forStaff()
        && stored.state() == RequestState.AWAITING_VERIFICATION) {
      try {
        desk.resendVerification(stored.id());
      } catch (IllegalTransitionException e) {
        // the earlier request has no address to write to: staff verify it
      }
    }
    ModelAndView redirect =
        new ModelAndView(
            "redirect:/data-deletion/request/sent?ref="
                + sent.reference(stored.id(), checked.forStaff()));
    redirect.setStatus(HttpStatus.SEE_OTHER);
    return redirect;
  }

  /** The bot check; a form it refuses is shown again with a fresh token to send it with. */
  private FormValues botCheck(FormValues form, Map<String, String> errors, Locale locale) {
    if (!form.trap().isEmpty()) {
      errors.put("submit", texts.text("form.error.bot.trap", locale));
      return form.withToken(tokens.issue());
    }
    String key =
        switch (tokens.check(form.token())) {
          case FINE -> null;
          case FORGED -> "form.error.bot.forged";
          case TOO_FAST -> "form.error.bot.fast";
          case EXPIRED -> "form.error.bot.expired";
          case SPENT -> "form.error.bot.spent";
        };
    if (key == null) {
      return form;
    }
    errors.put("submit", texts.text(key, locale));
    return form.withToken(tokens.issue());
  }

  private ModelAndView limited(
      FormValues form,
      String field,
      String key,
      Duration wait,
      Locale locale,
      HttpServletResponse response) {
    response.setHeader("Retry-After", String.valueOf(wait.toSeconds()));
    return page(
        form,
        Map.of(field, texts.waitText(key, wait, locale)),
        HttpStatus.TOO_MANY_REQUESTS,
        locale);
  }

  private ModelAndView page(
      FormValues form, Map<String, String> errors, HttpStatus status, Locale locale) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("form", form);
    model.put("errors", errors);
    model.put("options", FormOptions.of(choices, names, texts, locale));
    model.put("switchParams", Map.of());
    return new ModelAndView("public/request-form", model, status);
  }

  private void requireOffered() {
    if (!choices.enabled()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }
}
