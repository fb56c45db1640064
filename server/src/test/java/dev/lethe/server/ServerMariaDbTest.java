package dev.lethe.server;

import dev.lethe.platform.testing.TestDatabase;

class ServerMariaDbTest extends ServerContract {

  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
