package dev.lethe.platform;

import dev.lethe.platform.testing.TestDatabase;

class MariaDbPlatformTest extends PlatformContractTest {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
