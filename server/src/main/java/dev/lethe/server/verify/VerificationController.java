package dev.lethe.server.verify;

import dev.lethe.core.desk.Desk;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.VerificationRefusedException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The link mailed to verify a request: opening it shows a button, and only pressing it verifies
 * (mail scanners that open links must not confirm a deletion). The token works once.
 */
@Controller
class VerificationController {

  private final Desk desk;

  VerificationController(Desk desk) {
    this.desk = desk;
  }

  @GetMapping("/data-deletion/verify")
  ModelAndView confirm(@RequestParam(required = false) String token) {
    if (token == null || token.isBlank()) {
      return page(null, "This link is incomplete: open the link from the e-mail as it is.");
    }
    return page(token.strip(), null);
  }

  @PostMapping("/data-deletion/verify")
  ModelAndView verify(@RequestParam(required = false) String token) {
    if (token == null || token.isBlank()) {
      return page(null, "This link is incomplete: open the link from the e-mail as it is.");
    }
    try {
      DeletionRequest request = desk.verifyByLink(token.strip());
      return new ModelAndView("verified", Map.of("code", request.confirmationCode()));
    } catch (VerificationRefusedException e) {
      return page(null, capitalized(e.getMessage()) + ".");
    } catch (IllegalTransitionException e) {
      return page(null, "This request no longer waits for confirmation.");
    }
  }

  private static ModelAndView page(String token, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("error", error);
    return new ModelAndView(
        "verify", model, error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
