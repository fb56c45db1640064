package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class RequestIntakePostgreSqlTest extends RequestIntakeContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
