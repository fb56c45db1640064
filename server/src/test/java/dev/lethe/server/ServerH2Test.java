package dev.lethe.server;

import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/** The service on H2, its host created and filled by the demo's own preparation. */
class ServerH2Test extends ServerContract {

  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }

  @Override
  List<String> prepareHost(TestDatabase host, Path files) {
    return List.of("--lethe.demo=true");
  }
}
