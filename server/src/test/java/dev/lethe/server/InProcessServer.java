package dev.lethe.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The service started in this JVM on a free port, closed with the test. */
final class InProcessServer implements AutoCloseable {

  private final ConfigurableApplicationContext app;

  private InProcessServer(ConfigurableApplicationContext app) {
    this.app = app;
  }

  static InProcessServer start(List<String> arguments) {
    List<String> all = new ArrayList<>(arguments);
    all.add("--server.port=0");
    return new InProcessServer(
        SpringApplication.run(LetheServer.class, all.toArray(String[]::new)));
  }

  ServiceClient client() {
    return new ServiceClient(
        "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
  }

  <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  @Override
  public void close() {
    app.close();
  }
}
