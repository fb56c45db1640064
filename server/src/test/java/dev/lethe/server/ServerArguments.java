package dev.lethe.server;

import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments that run the service over a pair of test databases, as an operator would. */
final class ServerArguments {

  /** One installation secret for every instance and restart over the same databases. */
  static final String INSTALLATION_SECRET = "an-installation-secret-for-tests";

  private ServerArguments() {}

  /**
   * Lethe's state in {@code state}, the host in {@code host} with its files under {@code files},
   * the Meta app {@code crm} signing with {@link MetaSigning#APP_SECRET}, fast polling.
   */
  static List<String> of(TestDatabase state, TestDatabase host, Path files, Path dataDir) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--server.address=127.0.0.1");
    arguments.add("--lethe.data-dir=" + dataDir);
    arguments.add("--lethe.secret=" + INSTALLATION_SECRET);
    arguments.add("--lethe.state.url=" + state.url());
    arguments.add("--lethe.state.username=" + state.user());
    arguments.add("--lethe.host.url=" + host.url());
    arguments.add("--lethe.host.username=" + host.user());
    arguments.add("--lethe.host.files=" + files);
    arguments.add("--lethe.meta.apps[0].name=crm");
    arguments.add("--lethe.meta.apps[0].secret=" + MetaSigning.APP_SECRET);
    arguments.add("--lethe.execution.polling-interval=200ms");
    arguments.add("--lethe.execution.retry-backoff=1s");
    return arguments;
  }
}
