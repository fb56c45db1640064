package dev.lethe.core.engine;

import dev.lethe.platform.testing.TestDatabase;

class MiniEngineFailuresH2Test extends MiniEngineFailuresContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
