package dev.lethe.core.datamap;

import dev.lethe.platform.testing.TestDatabase;

class H2SchemaValidatorTest extends SchemaValidatorContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
