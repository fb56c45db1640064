package dev.lethe.core.hold;

import dev.lethe.platform.testing.TestDatabase;

class HoldsH2Test extends HoldsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
