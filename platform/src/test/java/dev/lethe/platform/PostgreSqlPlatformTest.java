package dev.lethe.platform;

import dev.lethe.platform.testing.TestDatabase;

class PostgreSqlPlatformTest extends PlatformContractTest {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
