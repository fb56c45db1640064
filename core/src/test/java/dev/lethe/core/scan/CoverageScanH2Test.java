package dev.lethe.core.scan;

import dev.lethe.platform.testing.TestDatabase;

class CoverageScanH2Test extends CoverageScanContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
