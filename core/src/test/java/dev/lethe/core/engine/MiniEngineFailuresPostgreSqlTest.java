package dev.lethe.core.engine;

import dev.lethe.platform.testing.TestDatabase;

class MiniEngineFailuresPostgreSqlTest extends MiniEngineFailuresContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
