package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class CommandLineH2Test extends CommandLineContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
