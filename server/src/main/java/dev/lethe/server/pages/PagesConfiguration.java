package dev.lethe.server.pages;

import dev.lethe.core.Lethe;
import dev.lethe.server.requests.RequestProperties;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public pages' shared parts: their names for the data map's contents, their texts and dates,
 * what the request form offers (checked against the data map at start), the layout's model and
 * headers, and the one stylesheet.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration implements WebMvcConfigurer {

  private final PagesProperties properties;
  private final Lethe lethe;
  private final FormChoices formChoices;

  PagesConfiguration(PagesProperties properties, Lethe lethe) {
    this.properties = properties;
    this.lethe = lethe;
    this.formChoices =
        FormChoices.of(properties.requestForm(), lethe.dataMap(), lethe.workspaces());
  }

  @Bean
  FormChoices formChoices() {
    return formChoices;
  }

  @Bean
  DataNames dataNames(MessageSource messages) {
    return new DataNames(lethe.dataMap(), properties, messages);
  }

  @Bean
  PageTexts pageTexts(MessageSource messages, RequestProperties requests) {
    return new PageTexts(messages, ZoneId.of(properties.zone().orElse(requests.zone())));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new PageLayout(properties, formChoices))
        .addPathPatterns("/data-deletion", "/data-deletion/**");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/data-deletion/assets/**")
        .addResourceLocations("classpath:/lethe/pages/")
        .setCacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic());
  }
}
