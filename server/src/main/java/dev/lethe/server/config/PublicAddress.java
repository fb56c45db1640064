package dev.lethe.server.config;

import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people and Meta reach the service: {@code lethe.public-base-url} when set, else this
 * server's own address (known once it listens), which only suits the demo and tests.
 */
@Component
public class PublicAddress {

  private final LetheProperties properties;
  private final Environment environment;

  PublicAddress(LetheProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public URI base() {
    return properties
        .publicBaseUrl()
        .map(URI::create)
        .orElseGet(
            () -> {
              String address = environment.getProperty("server.address", "127.0.0.1");
              String host =
                  address.equals("0.0.0.0") || address.equals("::") ? "127.0.0.1" : address;
              String port =
                  environment.getProperty(
                      "local.server.port", environment.getProperty("server.port", "8080"));
              return URI.create("http://" + host + ":" + port);
            });
  }
}
