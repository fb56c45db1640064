package dev.lethe.server.web;

import java.util.function.Supplier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller argument of {@code type} taken from the request attribute an interceptor put there
 * (the console's operator, the API's caller); a request without it fails as {@code missing} says.
 */
public final class RequestAttributeArgument implements HandlerMethodArgumentResolver {

  private final Class<?> type;
  private final String attribute;
  private final Supplier<? extends RuntimeException> missing;

  public RequestAttributeArgument(
      Class<?> type, String attribute, Supplier<? extends RuntimeException> missing) {
    this.type = type;
    this.attribute = attribute;
    this.missing = missing;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == type;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    Object value = request.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
    if (value == null) {
      throw missing.get();
    }
    return value;
  }
}
