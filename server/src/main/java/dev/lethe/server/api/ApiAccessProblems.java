package dev.lethe.server.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A missing or refused API key, and a key without the right: answered as problem details wherever
 * they arise, also for {@code /v1} paths no controller serves (the key is checked first).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class ApiAccessProblems {

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unauthenticated(ApiUnauthenticatedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, "Not authenticated", e.getMessage()));
  }

  @ExceptionHandler
  ProblemDetail forbidden(ApiForbiddenException e) {
    return ApiProblems.problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }
}
