package dev.lethe.server.console;

import dev.lethe.server.config.Databases;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.config.ServerTables;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Sign-in for the console, and for nothing else: one filter chain for {@code /admin/**}. The public
 * pages, Meta's callbacks ({@code /api/**}), the REST API ({@code /v1/**}, API keys) and {@code
 * /actuator/**} match no chain and are served as before. Sessions time out after {@code
 * lethe.console.session-timeout}; every form carries a CSRF token; roles decide what each operator
 * may open and change, and workspace admins are kept to their workspaces by the pages themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ConsoleSecurity {

  static final String[] ACTING = {"PLATFORM_ADMIN", "PRIVACY_OPERATOR", "WORKSPACE_ADMIN"};
  static final String[] STAFF = {"PLATFORM_ADMIN", "PRIVACY_OPERATOR"};
  static final String[] READING_STAFF = {"PLATFORM_ADMIN", "PRIVACY_OPERATOR", "AUDITOR"};

  /** Pages about every workspace at once: not for workspace admins. */
  static final String[] PLATFORM_PAGES = {
    "/admin/holds/**",
    "/admin/retention/**",
    "/admin/datamap/**",
    "/admin/ledger/**",
    "/admin/meta/**"
  };

  @Bean
  PasswordEncoder consolePasswordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  Operators operators(
      Databases databases, ServerTables tables, PasswordEncoder encoder, Clock clock) {
    return new Operators(databases, tables, encoder, clock);
  }

  @Bean
  FirstAdmin firstAdmin(Operators operators, LetheProperties properties) {
    return FirstAdmin.ensure(operators, properties);
  }

  @Bean
  ConsoleLogin consoleLogin(Operators operators, LetheProperties properties, Clock clock) {
    LetheProperties.Console console = properties.console();
    return new ConsoleLogin(
        operators, new LoginThrottle(console.maxFailedLogins(), console.lockout(), clock));
  }

  @Bean
  SecurityFilterChain consoleFilterChain(
      HttpSecurity http, ConsoleLogin login, LetheProperties properties) throws Exception {
    // At least a second: a servlet session with 0 never times out.
    int timeout = (int) Math.max(1, properties.console().sessionTimeout().toSeconds());
    SavedRequestAwareAuthenticationSuccessHandler success =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          public void onAuthenticationSuccess(
              jakarta.servlet.http.HttpServletRequest request,
              jakarta.servlet.http.HttpServletResponse response,
              org.springframework.security.core.Authentication authentication)
              throws java.io.IOException, jakarta.servlet.ServletException {
            request.getSession().setMaxInactiveInterval(timeout);
            super.onAuthenticationSuccess(request, response, authentication);
          }
        };
    success.setDefaultTargetUrl("/admin");
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage("/admin/denied");
    // A manager of its own, without the global one as parent: a parent holding the same provider
    // would check a wrong password twice and count it twice towards the lockout.
    http.securityMatcher("/admin/**")
        .authenticationManager(new ProviderManager(login))
        .authorizeHttpRequests(
            rules ->
                rules
                    .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/admin/login", "/admin/assets/**")
                    .permitAll()
                    .requestMatchers("/admin/operators/**")
                    .hasRole("PLATFORM_ADMIN")
                    .requestMatchers("/admin/requests/new")
                    .hasAnyRole(ACTING)
                    .requestMatchers(HttpMethod.POST, "/admin/ledger/verification")
                    .hasAnyRole(READING_STAFF)
                    .requestMatchers(HttpMethod.POST, PLATFORM_PAGES)
                    .hasAnyRole(STAFF)
                    .requestMatchers(PLATFORM_PAGES)
                    .hasAnyRole(READING_STAFF)
                    .requestMatchers(HttpMethod.POST, "/admin/**")
                    .hasAnyRole(ACTING)
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/admin/login")
                    .loginProcessingUrl("/admin/login")
                    .usernameParameter("name")
                    .passwordParameter("password")
                    .successHandler(success)
                    .failureHandler(
                        (request, response, failure) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (failure instanceof LockedException
                                        ? "/admin/login?locked"
                                        : "/admin/login?error"))))
        .logout(
            logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?signed-out"))
        .exceptionHandling(errors -> errors.accessDeniedHandler(denied))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; form-action 'self'; frame-ancestors 'none';"
                                + " base-uri 'none'")));
    return http.build();
  }
}
