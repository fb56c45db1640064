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

  @ExceptionHandler
  ProblemDetail invalidSignedRequest(InvalidSignedRequestException e) {
    return problem(e.reason().name(), e.reason().description());
  }

  @ExceptionHandler
  ProblemDetail pageRemoval(PageRemovalNotSupportedException e) {
    return problem("PAGE_REMOVAL", e.getMessage());
  }

  private static ProblemDetail problem(String reason, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Refused signed request");
    problem.setProperty("reason", reason.toLowerCase(Locale.ROOT));
    return problem;
  }
}
