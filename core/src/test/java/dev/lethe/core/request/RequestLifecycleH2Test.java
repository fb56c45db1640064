package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class RequestLifecycleH2Test extends RequestLifecycleContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
