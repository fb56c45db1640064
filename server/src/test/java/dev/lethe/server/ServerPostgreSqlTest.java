package dev.lethe.server;

import dev.lethe.platform.testing.TestDatabase;

class ServerPostgreSqlTest extends ServerContract {

  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
