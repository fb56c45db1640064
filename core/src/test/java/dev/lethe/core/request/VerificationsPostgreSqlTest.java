package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class VerificationsPostgreSqlTest extends VerificationsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
