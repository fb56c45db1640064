package dev.lethe.server.status;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.request.ConfirmationCodes;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestStore;
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
 * application/json}, HTML otherwise (browsers, and curl's {@code *}{@code /*}). A code that is
 * malformed or unknown is answered 404 "unknown", never "deleted".
 */
@Controller
class StatusController {

  static final String UNKNOWN = "This confirmation code is unknown. Check it and try again.";

  private final RequestStore store;
  private final Desk desk;

  StatusController(RequestStore store, Desk desk) {
    this.store = store;
    this.desk = desk;
  }

  @GetMapping("/data-deletion/status")
  ModelAndView status(
      @RequestParam(name = "id", required = false) String typed,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
    Optional<RequestStatus> status =
        find(typed).map(r -> RequestStatus.of(r, desk.summary(r.id())));
    if (status.isPresent()) {
      return json
          ? new ModelAndView(json(MediaType.APPLICATION_JSON), Map.of("status", status.get()))
          : new ModelAndView("status", Map.of("status", status.get()), HttpStatus.OK);
    }
    if (json) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, UNKNOWN);
      ModelAndView unknown =
          new ModelAndView(json(MediaType.APPLICATION_PROBLEM_JSON), Map.of("problem", problem));
      unknown.setStatus(HttpStatus.NOT_FOUND);
      return unknown;
    }
    return new ModelAndView("status-unknown", Map.of(), HttpStatus.NOT_FOUND);
  }

  private static JacksonJsonView json(MediaType type) {
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
