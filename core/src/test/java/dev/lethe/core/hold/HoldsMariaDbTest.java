package dev.lethe.core.hold;

import dev.lethe.platform.testing.TestDatabase;

class HoldsMariaDbTest extends HoldsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
