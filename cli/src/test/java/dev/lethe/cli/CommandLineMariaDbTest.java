package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class CommandLineMariaDbTest extends CommandLineContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
