package dev.lethe.server.console;

import dev.lethe.core.DatabaseUnavailableException;
import dev.lethe.core.hold.UnknownHoldException;
import dev.lethe.core.request.UnknownRequestException;
import dev.lethe.server.api.ApiForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page has (the signed-in operator, the page's path for the menu and the
 * language switch), and the console's failures as pages: 404 for what is unknown or out of reach,
 * 403, 503 when a database is down, and an incident number, never a stack trace, for the rest.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = "dev.lethe.server.console")
class ConsolePages {

  private static final Logger LOG = LoggerFactory.getLogger(ConsolePages.class);

  @ModelAttribute("me")
  Operator me(HttpServletRequest request) {
    return (Operator) request.getAttribute(ConsoleWeb.OPERATOR);
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ExceptionHandler({
    ConsoleNotFoundException.class,
    UnknownRequestException.class,
    UnknownHoldException.class,
    MethodArgumentTypeMismatchException.class
  })
  ModelAndView notFound(HttpServletRequest request) {
    return error(request, HttpStatus.NOT_FOUND, "error.notFound", null);
  }

  @ExceptionHandler(ApiForbiddenException.class)
  ModelAndView forbidden(HttpServletRequest request) {
    return error(request, HttpStatus.FORBIDDEN, "error.forbidden", null);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ModelAndView badRequest(HttpServletRequest request) {
    return error(request, HttpStatus.BAD_REQUEST, "error.badRequest", null);
  }

  @ExceptionHandler(DatabaseUnavailableException.class)
  ModelAndView unavailable(HttpServletRequest request) {
    return error(request, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", null);
  }

  @ExceptionHandler(RuntimeException.class)
  ModelAndView unexpected(HttpServletRequest request, RuntimeException e) {
    String incident = UUID.randomUUID().toString();
    LOG.error("unexpected failure {} in the console: {}", incident, e.getClass().getName(), e);
    return error(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", incident);
  }

  static ModelAndView error(
      HttpServletRequest request, HttpStatus status, String message, String incident) {
    ModelAndView page = new ModelAndView("admin/error");
    page.addObject("status", status.value());
    page.addObject("message", message);
    page.addObject("incident", incident);
    page.addObject("me", request.getAttribute(ConsoleWeb.OPERATOR));
    page.addObject("path", request.getRequestURI());
    page.setStatus(status);
    return page;
  }
}
