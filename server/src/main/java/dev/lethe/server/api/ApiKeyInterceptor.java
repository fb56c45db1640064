package dev.lethe.server.api;

import dev.lethe.core.apikey.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /v1} call by its API key ({@code Authorization: Bearer <key>}) before
 * the controller runs; a missing, malformed, unknown or revoked key is refused alike.
 */
final class ApiKeyInterceptor implements HandlerInterceptor {

  static final String CALLER = ApiCaller.class.getName();

  private final ApiKeys keys;

  ApiKeyInterceptor(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new ApiUnauthenticatedException(
          "an API key is required: send it as 'Authorization: Bearer <key>'");
    }
    String prefix = "bearer ";
    if (!header.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      throw new ApiUnauthenticatedException("send the API key as 'Authorization: Bearer <key>'");
    }
    String token = header.substring(prefix.length()).strip();
    ApiCaller caller =
        keys.authenticate(token)
            .map(ApiCaller::new)
            .orElseThrow(
                () -> new ApiUnauthenticatedException("the API key is unknown or revoked"));
    request.setAttribute(CALLER, caller);
    return true;
  }
}
