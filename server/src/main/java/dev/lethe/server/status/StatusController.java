package dev.lethe.server.status;

import dev.lethe.core.request.ConfirmationCodes;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.RequestStore;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public status page, by confirmation code: JSON for {@code Accept: application/json}, HTML
 * otherwise. A code that is malformed or unknown is answered 404 "unknown", never "deleted".
 */
@Controller
class StatusController {

  private final RequestStore store;

  StatusController(RequestStore store) {
    this.store = store;
  }

  @GetMapping(path = "/data-deletion/status", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<?> json(@RequestParam(name = "id", required = false) String typed) {
    return find(typed)
        .<ResponseEntity<?>>map(r -> ResponseEntity.ok(RequestStatus.of(r)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND,
                            "This confirmation code is unknown. Check it and try again.")));
  }

  @GetMapping(path = "/data-deletion/status", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView html(@RequestParam(name = "id", required = false) String typed, Model model) {
    Optional<DeletionRequest> request = find(typed);
    if (request.isEmpty()) {
      return new ModelAndView("status-unknown", model.asMap(), HttpStatus.NOT_FOUND);
    }
    model.addAttribute("status", RequestStatus.of(request.get()));
    return new ModelAndView("status", model.asMap(), HttpStatus.OK);
  }

  private Optional<DeletionRequest> find(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    return ConfirmationCodes.read(typed).flatMap(store::findByConfirmationCode);
  }
}
