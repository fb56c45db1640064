package dev.lethe.server.api;

import dev.lethe.core.DatabaseUnavailableException;
import dev.lethe.core.apikey.UnknownApiKeyException;
import dev.lethe.core.deadline.ExtensionRefusedException;
import dev.lethe.core.hold.HoldAlreadyLiftedException;
import dev.lethe.core.hold.UnknownHoldException;
import dev.lethe.core.meta.UserIdListTooLargeException;
import dev.lethe.core.plan.RequestException;
import dev.lethe.core.request.IdempotencyKeyReusedException;
import dev.lethe.core.request.IllegalTransitionException;
import dev.lethe.core.request.InvalidRequestException;
import dev.lethe.core.request.StaleRequestException;
import dev.lethe.core.request.UnknownRequestException;
import dev.lethe.core.request.VerificationRefusedException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every failure of the REST API as {@code application/problem+json}: a status that says what kind
 * of failure it is, a precise {@code detail}, and for invalid fields an {@code errors} list naming
 * each field. Values sent are never repeated back, and no stack trace is ever shown.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "dev.lethe.server.api")
class ApiProblems {

  private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler
  ProblemDetail invalidFields(InvalidFieldsException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused", e.getMessage());
    problem.setProperty("reason", "idempotency_key_reused");
    return problem;
  }

  @ExceptionHandler({
    InvalidRequestException.class,
    RequestException.class,
    IllegalArgumentException.class
  })
  ProblemDetail invalid(RuntimeException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler({
    UnknownRequestException.class,
    UnknownHoldException.class,
    UnknownApiKeyException.class
  })
  ProblemDetail unknown(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler({
    IllegalTransitionException.class,
    StaleRequestException.class,
    HoldAlreadyLiftedException.class
  })
  ProblemDetail conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail extensionRefused(ExtensionRefusedException e) {
    ProblemDetail problem =
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "Extension refused", e.getMessage());
    problem.setProperty("reason", e.why().name().toLowerCase(Locale.ROOT));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail verificationRefused(VerificationRefusedException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Verification refused", e.getMessage());
    problem.setProperty("reason", e.why().name().toLowerCase(Locale.ROOT));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail tooLarge(UserIdListTooLargeException e) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", e.getMessage());
  }

  @ExceptionHandler
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == UUID.class
            ? "a request id (UUID)"
            : e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
    return problem(
        HttpStatus.BAD_REQUEST, "Invalid request", "'" + e.getName() + "' must be " + expected);
  }

  @ExceptionHandler
  ProblemDetail unavailable(DatabaseUnavailableException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", "a database is unreachable");
  }

  @ExceptionHandler
  ProblemDetail unexpected(RuntimeException e) {
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected failure {} in the API: {}", incident, e.getClass().getName(), e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Unexpected failure",
            "the request failed; quote incident " + incident + " to the operator");
    problem.setProperty("incident", incident);
    return problem;
  }

  /** Malformed JSON, or a field of the wrong type: name the field, not the value. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    String detail = "the body is not valid JSON";
    if (e.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
      String field = path(bad.getPath());
      detail =
          bad.getMessage() != null && bad.getMessage().startsWith("Unrecognized property")
              ? "unknown field '" + field + "'"
              : "field '" + field + "' has the wrong type";
      ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
      problem.setProperty(
          "errors",
          List.of(
              new InvalidFieldsException.FieldError(
                  field, detail.startsWith("unknown") ? "unknown field" : "wrong type")));
      return ResponseEntity.badRequest().body(problem);
    }
    if (e.getCause() == null || !(e.getCause() instanceof JacksonException)) {
      detail = "a body is required";
    }
    return ResponseEntity.badRequest()
        .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
  }

  private static String path(List<JacksonException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : path) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
