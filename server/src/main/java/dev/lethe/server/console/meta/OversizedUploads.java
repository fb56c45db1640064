package dev.lethe.server.console.meta;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload of a Meta list past {@code spring.servlet.multipart.max-request-size} is sent back to
 * the upload page, which says so next to the file field. Without this, the servlet container
 * refuses the body while the sign-in's CSRF check reads it, with a bare error page of its own. It
 * runs before Spring Security and reads nothing but the declared length.
 */
@Configuration(proxyBeanMethods = false)
class OversizedUploads {

  static final String PATH = "/admin/meta";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> oversizedMetaUploads(
      @Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            String type = request.getContentType();
            boolean multipart =
                type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
            if ("POST".equals(request.getMethod())
                && multipart
                && request.getContentLengthLong() > limit.toBytes()) {
              response.setStatus(HttpServletResponse.SC_SEE_OTHER);
              response.setHeader("Location", request.getContextPath() + PATH + "?too-large");
              response.setHeader("Connection", "close");
              return;
            }
            chain.doFilter(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(PATH);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
