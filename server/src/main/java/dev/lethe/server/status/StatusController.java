package dev.lethe.server.status;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.receipt.ReceiptSummary;
import dev.lethe.core.request.ConfirmationCodes;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.server.pages.DataNames;
import dev.lethe.server.pages.PageTexts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * The public status page, by confirmation code: JSON when the client asks for {@code
 * application/json}, HTML otherwise (browsers, and curl's {@code *}{@code /*}), in the person's
 * language with the request's steps as a timeline. A code that is malformed or unknown is answered
 * 404 "unknown", never "deleted"; without a code, the page asks for one.
 */
@Controller
class StatusController {

  static final String UNKNOWN = "This confirmation code is unknown. Check it and try again.";

  private final RequestStore store;
  private final Requests requests;
  private final Desk desk;
  private final PageTexts texts;
  private final DataNames names;

  StatusController(
      RequestStore store, Requests requests, Desk desk, PageTexts texts, DataNames names) {
    this.store = store;
    this.requests = requests;
    this.desk = desk;
    this.texts = texts;
    this.names = names;
  }

  @GetMapping("/data-deletion/status")
  ModelAndView status(
      @RequestParam(name = "id", required = false) String typed,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
      Locale locale,
      HttpServletResponse response) {
    boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
    Optional<DeletionRequest> request = find(typed);
    if (json) {
      return request
          .map(r -> json(Map.of("status", RequestStatus.of(r, desk.summary(r.id())))))
          .orElseGet(StatusController::unknownJson);
    }
    response.setHeader("Cache-Control", "no-store");
    if (request.isPresent()) {
      DeletionRequest found = request.get();
      ReceiptSummary summary = desk.summary(found.id());
      StatusPage page =
          StatusPage.of(found, requests.events(found.id()), summary, texts, names, locale);
      return new ModelAndView("public/status", Map.of("status", page), HttpStatus.OK);
    }
    if (typed == null) {
      return new ModelAndView("public/status-lookup", Map.of(), HttpStatus.OK);
    }
    return new ModelAndView("public/status-unknown", Map.of(), HttpStatus.NOT_FOUND);
  }

  private static ModelAndView json(Map<String, Object> model) {
    return new ModelAndView(view(MediaType.APPLICATION_JSON), model);
  }

  private static ModelAndView unknownJson() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, UNKNOWN);
    ModelAndView unknown =
        new ModelAndView(view(MediaType.APPLICATION_PROBLEM_JSON), Map.of("problem", problem));
    unknown.setStatus(HttpStatus.NOT_FOUND);
    return unknown;
  }

  private static JacksonJsonView view(MediaType type) {
    JacksonJsonView view = new JacksonJsonView();
    view.setExtractValueFromSingleKeyModel(true);
    view.setContentType(type.toString());
    return view;
  }

  private Optional<DeletionRequest> find(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    return ConfirmationCodes.read(typed).flatMap(store::findByConfirmationCode);
  }
}
