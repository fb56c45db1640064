package dev.lethe.cli;

import dev.lethe.platform.testing.TestDatabase;

class LedgerCommandH2Test extends LedgerCommandContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
