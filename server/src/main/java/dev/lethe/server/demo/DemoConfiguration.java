package dev.lethe.server.demo;

import dev.lethe.core.meta.MetaApp;
import dev.lethe.server.config.Databases;
import dev.lethe.server.config.HostPreparation;
import dev.lethe.server.config.InstallationSecret;
import dev.lethe.server.config.LetheProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** {@code ./lethe demo}: a sample host, a Meta app of its own, and a banner saying what to try. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("lethe.demo")
class DemoConfiguration {

  static final String APP_NAME = "demo";
  static final String APP_SECRET_VARIABLE = "LETHE_META_APP_SECRET";

  @Bean
  HostPreparation demoPlatform(LetheProperties properties) {
    return new DemoPlatform(
        properties.host().filesDirectory().orElse(properties.dataDir().resolve("platform-files")));
  }

  /** From {@code LETHE_META_APP_SECRET}, else generated once and kept under the data directory. */
  @Bean
  MetaApp demoMetaApp(LetheProperties properties, Environment environment) {
    String secret = environment.getProperty(APP_SECRET_VARIABLE, "");
    if (secret.isBlank()) {
      Path file = properties.dataDir().resolve("demo-meta-app-secret");
      secret = new String(InstallationSecret.readOrCreate(file), StandardCharsets.UTF_8);
    }
    return MetaApp.of(APP_NAME, secret);
  }

  @Bean
  DemoBanner demoBanner(
      Databases databases, MetaApp demoMetaApp, Environment environment, LetheProperties props) {
    return new DemoBanner(databases.host(), demoMetaApp, environment, props);
  }
}
