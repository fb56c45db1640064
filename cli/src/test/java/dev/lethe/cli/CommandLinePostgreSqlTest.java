package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class CommandLinePostgreSqlTest extends CommandLineContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
