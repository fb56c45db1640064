package dev.lethe.core.property;

import dev.lethe.platform.testing.TestDatabase;

class ErasureMariaDbPropertyTest extends ErasurePropertyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }

  @Override
  int seeds() {
    return 8;
  }
}
