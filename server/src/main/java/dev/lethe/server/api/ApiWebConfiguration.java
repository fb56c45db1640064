package dev.lethe.server.api;

import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.server.web.RequestAttributeArgument;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API keys on {@code /v1/**} but the OpenAPI document, and {@link ApiCaller} as a controller
 * argument.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  private final ApiKeys keys;

  ApiWebConfiguration(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new ApiKeyInterceptor(keys))
        .addPathPatterns("/v1/**")
        .excludePathPatterns(OpenApiController.YAML_PATH, OpenApiController.JSON_PATH);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new RequestAttributeArgument(
            ApiCaller.class,
            ApiKeyInterceptor.CALLER,
            () -> new ApiUnauthenticatedException("an API key is required")));
  }
}
