package dev.lethe.server.console;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks an operator's name and password, throttled: a wrong name, a wrong password and a disabled
 * operator fail alike, so the answer tells a guesser nothing.
 */
final class ConsoleLogin implements AuthenticationProvider {

  private final Operators operators;
  private final LoginThrottle throttle;

  ConsoleLogin(Operators operators, LoginThrottle throttle) {
    this.operators = operators;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String name = String.valueOf(attempt.getName()).strip();
    String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails web
            ? String.valueOf(web.getRemoteAddress())
            : "unknown";
    if (throttle.lockedFor(name, address).isPresent()) {
      throw new LockedException("too many failed sign-ins");
    }
    Optional<Operator> operator =
        name.length() > 64 ? Optional.empty() : operators.signIn(name, password);
    if (operator.isEmpty()) {
      throttle.failed(name, address);
      throw new BadCredentialsException("wrong name or password");
    }
    throttle.succeeded(name, address);
    Operator signedIn = operator.get();
    return UsernamePasswordAuthenticationToken.authenticated(
        signedIn.id(), null, List.of(new SimpleGrantedAuthority(signedIn.role().authority())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
