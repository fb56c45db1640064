package dev.lethe.core.engine;

import dev.lethe.platform.testing.TestDatabase;

class MiniEngineMariaDbTest extends MiniEngineContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
