package dev.lethe.server.meta;

import dev.lethe.core.meta.InvalidSignedRequestException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused callbacks as {@code application/problem+json}, naming the reason, never the input. */
@RestControllerAdvice(assignableTypes = MetaCallbackController.class)
class MetaProblems {

  /** The title of every refused callback's problem. */
  static final String TITLE = "Refused signed request";

  /** How a refused callback's problem names it: the reason's code and what it means. */
  record Refusal(String reason, String detail) {

    static Refusal of(InvalidSignedRequestException e) {
      return new Refusal(e.reason().name().toLowerCase(Locale.ROOT), e.reason().description());
    }

    static Refusal of(PageRemovalNotSupportedException e) {
      return new Refusal("page_removal", e.getMessage());
    }
  }

  @ExceptionHandler
  ProblemDetail invalidSignedRequest(InvalidSignedRequestException e) {
    return problem(Refusal.of(e));
  }

  @ExceptionHandler
  ProblemDetail pageRemoval(PageRemovalNotSupportedException e) {
    return problem(Refusal.of(e));
  }

  private static ProblemDetail problem(Refusal refusal) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refusal.detail());
    problem.setTitle(TITLE);
    problem.setProperty("reason", refusal.reason());
    return problem;
  }
}
