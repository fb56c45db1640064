package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class ReferenceScopesMariaDbTest extends ReferenceScopesContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
