package dev.lethe.server.meta;

import dev.lethe.core.meta.FreshnessWindow;
import dev.lethe.core.meta.MetaApp;
import dev.lethe.core.meta.MetaApps;
import dev.lethe.core.meta.SignedRequestVerifier;
import dev.lethe.server.config.LetheProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Meta apps from {@code lethe.meta.apps}, plus any app another part defines (the demo's). */
@Configuration(proxyBeanMethods = false)
class MetaConfiguration {

  @Bean
  SignedRequestVerifier signedRequestVerifier(
      LetheProperties properties, ObjectProvider<MetaApp> definedApps) {
    List<MetaApp> apps = new ArrayList<>();
    for (LetheProperties.App app : properties.meta().apps()) {
      apps.add(
          app.previousSecret()
              .filter(s -> !s.isBlank())
              .map(previous -> MetaApp.rotating(app.name(), app.secret(), previous))
              .orElseGet(() -> MetaApp.of(app.name(), app.secret())));
    }
    definedApps.orderedStream().forEach(apps::add);
    if (apps.isEmpty()) {
      throw new IllegalStateException(
          "no Meta app configured: set lethe.meta.apps[0].name and lethe.meta.apps[0].secret");
    }
    return new SignedRequestVerifier(
        MetaApps.of(apps), new FreshnessWindow(properties.meta().maxAge(), Duration.ofMinutes(5)));
  }

  /** The data-deletion callback, on a servlet of its own ({@link DataDeletionServlet}). */
  @Bean
  ServletRegistrationBean<DataDeletionServlet> dataDeletionServlet(
      MetaCallbacks callbacks, LetheProperties properties) {
    ServletRegistrationBean<DataDeletionServlet> registration =
        new ServletRegistrationBean<>(
            new DataDeletionServlet(callbacks, properties), DataDeletionServlet.PATH);
    registration.setName("metaDataDeletion");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
