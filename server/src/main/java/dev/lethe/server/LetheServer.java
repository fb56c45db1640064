package dev.lethe.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lethe's service. {@code lethe-server.jar demo [--port N]} runs the demo (everything embedded
 * under {@code ./data}); {@code lethe-server.jar serve --config <file> [--port N]} runs with a
 * configuration file. Any other argument is handed to Spring Boot as it is.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LetheServer {

  public static void main(String[] args) {
    SpringApplication.run(LetheServer.class, springArguments(args));
  }

  /** Turns {@code demo}, {@code serve}, {@code --config} and {@code --port} into Spring's. */
  static String[] springArguments(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (i == 0 && arg.equals("demo")) {
        out.add("--spring.profiles.active=demo");
      } else if (i == 0 && arg.equals("serve")) {
        continue;
      } else if ((arg.equals("--config") || arg.equals("--port")) && i + 1 < args.length) {
        String value = args[++i];
        out.add(
            arg.equals("--port")
                ? "--server.port=" + value
                : "--spring.config.additional-location=file:" + value);
      } else if (arg.startsWith("--config=")) {
        out.add("--spring.config.additional-location=file:" + arg.substring("--config=".length()));
      } else if (arg.startsWith("--port=")) {
        out.add("--server.port=" + arg.substring("--port=".length()));
      } else {
        out.add(arg);
      }
    }
    return out.toArray(String[]::new);
  }
}
