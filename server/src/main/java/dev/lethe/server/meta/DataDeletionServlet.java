package dev.lethe.server.meta;

import dev.lethe.core.meta.InvalidSignedRequestException;
import dev.lethe.core.request.DeletionRequest;
import dev.lethe.server.config.LetheProperties;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's Data Deletion Request callback ({@code POST /api/data-deletion}), served by a servlet of
 * its own rather than through Spring MVC's dispatcher: Meta sends these at the rate people leave
 * apps, and finding the handler, resolving its argument and negotiating its answer took a third of
 * a callback's processor time. It answers as the dispatcher did: the JSON Meta expects, refused
 * signed requests as {@code application/problem+json} naming the reason (never the input), and 405,
 * 406 and 415 problems for a wrong method, {@code Accept} or {@code Content-Type}. Filters
 * (security, observation) apply to it as to every path.
 */
final class DataDeletionServlet extends HttpServlet {

  static final String PATH = "/api/data-deletion";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  private final transient MetaCallbacks callbacks;
  private final transient LetheProperties properties;

  DataDeletionServlet(MetaCallbacks callbacks, LetheProperties properties) {
    this.callbacks = callbacks;
    this.properties = properties;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (request.getMethod()) {
      case "POST" -> post(request, response);
      case "OPTIONS" -> response.setHeader("Allow", "POST, OPTIONS");
      default -> {
        response.setHeader("Allow", "POST");
        problem(
            request,
            response,
            HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            "Method Not Allowed",
            "Method '" + request.getMethod() + "' is not supported.",
            null);
      }
    }
  }

  private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String contentType = request.getContentType();
    if (!isForm(contentType)) {
      response.setHeader("Accept", MediaType.APPLICATION_FORM_URLENCODED_VALUE);
      problem(
          request,
          response,
          HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Media Type",
          "Content-Type '"
              + (contentType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : contentType)
              + "' is not supported.",
          null);
      return;
    }
    if (!acceptsJson(request.getHeader("Accept"))) {
      response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
      problem(
          request,
          response,
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          "Not Acceptable",
          "Acceptable representations: [application/json].",
          null);
      return;
    }
    DeletionRequest deletion;
    try {
      deletion = callbacks.dataDeletion(request.getParameter("signed_request"));
    } catch (InvalidSignedRequestException e) {
      refused(request, response, MetaProblems.Refusal.of(e));
      return;
    } catch (PageRemovalNotSupportedException e) {
      refused(request, response, MetaProblems.Refusal.of(e));
      return;
    }
    String code = deletion.confirmationCode();
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("url", statusUrl(request, code));
    answer.put("confirmation_code", code);
    write(response, HttpServletResponse.SC_OK, MediaType.APPLICATION_JSON, answer);
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      return types.stream().anyMatch(t -> t.isCompatibleWith(MediaType.APPLICATION_JSON));
    } catch (InvalidMediaTypeException e) {
      return true;
    }
  }

  private String statusUrl(HttpServletRequest request, String code) {
    UriComponentsBuilder base =
        properties
            .publicBaseUrl()
            .map(UriComponentsBuilder::fromUriString)
            .orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request));
    return base.path("/data-deletion/status").queryParam("id", code).build().toUriString();
  }

  /** A refused signed request, as {@link MetaProblems} answers one through the dispatcher. */
  private static void refused(
      HttpServletRequest request, HttpServletResponse response, MetaProblems.Refusal refusal)
      throws IOException {
    problem(
        request,
        response,
        HttpServletResponse.SC_BAD_REQUEST,
        MetaProblems.TITLE,
        refusal.detail(),
        refusal.reason());
  }

  private static void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      String reason)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    problem.put("status", status);
    problem.put("title", title);
    if (reason != null) {
      problem.put("reason", reason);
    }
    write(response, status, PROBLEM, problem);
  }

  private static void write(
      HttpServletResponse response, int status, MediaType type, Map<String, ?> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(type.toString());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
