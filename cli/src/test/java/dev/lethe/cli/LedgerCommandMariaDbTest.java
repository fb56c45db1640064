package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class LedgerCommandMariaDbTest extends LedgerCommandContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
