package dev.lethe.core.engine;

import dev.lethe.platform.testing.TestDatabase;

class MiniEngineH2Test extends MiniEngineContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
