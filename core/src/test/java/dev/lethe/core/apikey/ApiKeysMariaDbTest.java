package dev.lethe.core.apikey;

import dev.lethe.platform.testing.TestDatabase;

class ApiKeysMariaDbTest extends ApiKeysContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
