package dev.lethe.server.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What every public page's layout needs: the product's name and contact, the page's language, and
 * where the language switch leads (the same page in the other language: a GET of the same address
 * with its query, or the address a page names in {@code switchAction}). Also the headers every
 * public page answers with: no scripts, no framing, no referrer, nothing but this site's styles.
 */
final class PageLayout implements HandlerInterceptor {

  static final String VIEW_PREFIX = "public/";

  private static final String POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private final Site site;

  PageLayout(PagesProperties properties, FormChoices form) {
    this.site =
        new Site(
            properties.productName(),
            properties.organization().orElse(null),
            properties.contactEmail().orElse(null),
            form.enabled());
  }

  /** The product as the pages name it; organization and contact may be null. */
  public record Site(
      String productName, String organization, String contactEmail, boolean formOffered) {}

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
    if (page == null || page.getViewName() == null || !page.getViewName().startsWith(VIEW_PREFIX)) {
      return;
    }
    String language = PageTexts.language(RequestContextUtils.getLocale(request));
    Map<String, Object> model = page.getModel();
    model.put("site", site);
    model.put("lang", language);
    model.put("switchLanguage", language.equals("id") ? "en" : "id");
    model.putIfAbsent("switchAction", request.getRequestURI());
    if (!model.containsKey("switchParams")) {
      Map<String, String> params = new LinkedHashMap<>();
      if ("GET".equals(request.getMethod())) {
        request
            .getParameterMap()
            .forEach(
                (name, values) -> {
                  if (!name.equals("lang") && values.length > 0) {
                    params.put(name, values[0]);
                  }
                });
      }
      model.put("switchParams", params);
    }
  }
}
