package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class RequestIntakeMariaDbTest extends RequestIntakeContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
