package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class WorkspaceLookupH2Test extends WorkspaceLookupContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
