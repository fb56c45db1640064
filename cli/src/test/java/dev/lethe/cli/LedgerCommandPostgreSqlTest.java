package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class LedgerCommandPostgreSqlTest extends LedgerCommandContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
