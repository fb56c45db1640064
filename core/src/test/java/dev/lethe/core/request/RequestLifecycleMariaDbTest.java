package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class RequestLifecycleMariaDbTest extends RequestLifecycleContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
