package dev.lethe.core.scan;

import dev.lethe.platform.testing.TestDatabase;

class CoverageScanPostgreSqlTest extends CoverageScanContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
