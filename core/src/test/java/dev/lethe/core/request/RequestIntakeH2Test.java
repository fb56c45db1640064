package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class RequestIntakeH2Test extends RequestIntakeContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
