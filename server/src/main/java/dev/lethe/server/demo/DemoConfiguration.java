package dev.lethe.server.demo;

import dev.lethe.core.apikey.ApiKeys;
import dev.lethe.core.apikey.Permission;
import dev.lethe.core.meta.MetaApp;
import dev.lethe.server.config.Databases;
import dev.lethe.server.config.HostPreparation;
import dev.lethe.server.config.InstallationSecret;
import dev.lethe.server.config.LetheProperties;
import dev.lethe.server.config.SecretFile;
import dev.lethe.server.console.FirstAdmin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
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
  static final String API_KEY_VARIABLE = "LETHE_API_KEY";

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

  /**
   * An API key with every permission: from {@code LETHE_API_KEY}, else generated once and kept
   * under the data directory; registered (hashed) at start.
   */
  @Bean
  DemoApiKey demoApiKey(LetheProperties properties, Environment environment, ApiKeys keys) {
    String token = environment.getProperty(API_KEY_VARIABLE, "").strip();
    boolean generated = token.isEmpty();
    if (generated) {
      Path file = properties.dataDir().resolve("demo-api-key");
      token = SecretFile.readOrWrite(file, ApiKeys::newToken);
    }
    keys.register(token, "demo", EnumSet.allOf(Permission.class), Optional.empty());
    return new DemoApiKey(token, generated);
  }

  @Bean
  DemoBanner demoBanner(
      Databases databases,
      MetaApp demoMetaApp,
      DemoApiKey demoApiKey,
      Environment environment,
      LetheProperties props,
      FirstAdmin firstAdmin) {
    return new DemoBanner(
        databases.host(), demoMetaApp, demoApiKey, environment, props, firstAdmin);
  }
}
