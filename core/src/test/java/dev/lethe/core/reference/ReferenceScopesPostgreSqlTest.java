package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class ReferenceScopesPostgreSqlTest extends ReferenceScopesContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
