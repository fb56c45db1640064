package dev.lethe.core.reference;

import dev.lethe.platform.testing.TestDatabase;

class ReferenceScopesH2Test extends ReferenceScopesContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
