package dev.lethe.server.status;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;

/** Thymeleaf over {@code classpath:/templates/*.html}, for the public pages. */
@Configuration(proxyBeanMethods = false)
class StatusPageTemplates {

  @Bean
  ThymeleafViewResolver thymeleafViewResolver(ApplicationContext context) {
    SpringResourceTemplateResolver templates = new SpringResourceTemplateResolver();
    templates.setApplicationContext(context);
    templates.setPrefix("classpath:/templates/");
    templates.setSuffix(".html");
    templates.setTemplateMode(TemplateMode.HTML);
    templates.setCharacterEncoding("UTF-8");
    templates.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(templates);
    ThymeleafViewResolver resolver = new ThymeleafViewResolver();
    resolver.setTemplateEngine(engine);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setContentType("text/html;charset=UTF-8");
    return resolver;
  }
}
