package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class VerificationsMariaDbTest extends VerificationsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
