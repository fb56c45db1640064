package dev.lethe.core.datamap;

import dev.lethe.platform.testing.TestDatabase;

class PostgresqlSchemaValidatorTest extends SchemaValidatorContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.POSTGRESQL;
  }
}
