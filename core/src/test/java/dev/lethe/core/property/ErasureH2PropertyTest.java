package dev.lethe.core.property;

import dev.lethe.platform.testing.TestDatabase;

class ErasureH2PropertyTest extends ErasurePropertyContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }

  @Override
  int seeds() {
    return 40;
  }
}
