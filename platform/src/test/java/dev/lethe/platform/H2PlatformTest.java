package dev.lethe.platform;

import dev.lethe.platform.testing.TestDatabase;

class H2PlatformTest extends PlatformContractTest {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
