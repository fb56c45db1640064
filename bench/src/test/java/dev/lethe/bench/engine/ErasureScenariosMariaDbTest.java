package dev.lethe.bench.engine;

import dev.lethe.platform.testing.TestDatabase;

class ErasureScenariosMariaDbTest extends ErasureScenariosContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
