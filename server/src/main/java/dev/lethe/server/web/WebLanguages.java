package dev.lethe.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages of the pages: English and Indonesian. A page is in the language the browser asks
 * for ({@code Accept-Language}) unless the person chose one with the switch ({@code ?lang=id}),
 * which a cookie remembers. Texts are in {@code messages/*.properties}.
 */
@Configuration(proxyBeanMethods = false)
class WebLanguages implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("id"));

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver =
        new CookieLocaleResolver("lethe-lang") {
          // ?lang=fr would otherwise be kept, and pages marked French in English texts
          @Override
          public void setLocaleContext(
              HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
            Locale wanted = context == null ? null : context.getLocale();
            if (wanted == null || isSupported(wanted)) {
              super.setLocaleContext(request, response, context);
            }
          }
        };
    resolver.setDefaultLocaleFunction(WebLanguages::fromAcceptLanguage);
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    return resolver;
  }

  static boolean isSupported(Locale locale) {
    return SUPPORTED.stream().anyMatch(s -> s.getLanguage().equals(locale.getLanguage()));
  }

  /** The supported language the browser prefers most, English when it names none of them. */
  static Locale fromAcceptLanguage(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
      return best == null ? Locale.ENGLISH : best;
    } catch (IllegalArgumentException e) {
      return Locale.ENGLISH;
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).excludePathPatterns("/v1/**", "/api/**", "/actuator/**");
  }
}
