package dev.lethe.core.apikey;

import dev.lethe.platform.testing.TestDatabase;

class ApiKeysH2Test extends ApiKeysContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
