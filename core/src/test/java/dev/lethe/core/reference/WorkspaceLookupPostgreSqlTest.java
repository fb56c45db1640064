package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class WorkspaceLookupPostgreSqlTest extends WorkspaceLookupContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
