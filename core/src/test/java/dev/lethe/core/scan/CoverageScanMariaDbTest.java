package dev.lethe.core.scan;

import dev.lethe.platform.testing.TestDatabase;

class CoverageScanMariaDbTest extends CoverageScanContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
