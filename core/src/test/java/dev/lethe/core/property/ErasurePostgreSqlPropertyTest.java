package dev.lethe.core.property;

import dev.lethe.platform.testing.TestDatabase;

class ErasurePostgreSqlPropertyTest extends ErasurePropertyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }

  @Override
  int seeds() {
    return 8;
  }
}
