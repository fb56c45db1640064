package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class WorkspaceLookupMariaDbTest extends WorkspaceLookupContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
