package dev.lethe.server.console;

import dev.lethe.server.web.RequestAttributeArgument;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The signed-in {@link Operator}, read anew from the database for every console page and handed to
 * controllers as an argument: an operator disabled, or given another role, meanwhile is signed out
 * at their next page (the role decides which pages the filter chain lets through, and it was read
 * at sign-in). Changed workspaces count at once.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

  static final String OPERATOR = Operator.class.getName();

  private final Operators operators;

  ConsoleWeb(Operators operators) {
    this.operators = operators;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws java.io.IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth == null
                    || auth instanceof AnonymousAuthenticationToken
                    || !auth.isAuthenticated()) {
                  return true;
                }
                Optional<Operator> operator = operators.find(auth.getName());
                if (operator.isEmpty()
                    || !operator.get().enabled()
                    || !signedInAs(auth, operator.get().role())) {
                  HttpSession session = request.getSession(false);
                  if (session != null) {
                    session.invalidate();
                  }
                  SecurityContextHolder.clearContext();
                  response.sendRedirect(request.getContextPath() + "/admin/login?signed-out");
                  return false;
                }
                request.setAttribute(OPERATOR, operator.get());
                return true;
              }
            })
        .addPathPatterns("/admin/**")
        .excludePathPatterns("/admin/login", "/admin/assets/**");
  }

  /** Whether the session's authority is the operator's role now: a changed role signs in anew. */
  private static boolean signedInAs(Authentication auth, Role role) {
    return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new RequestAttributeArgument(Operator.class, OPERATOR, ConsoleNotFoundException::new));
  }
}
