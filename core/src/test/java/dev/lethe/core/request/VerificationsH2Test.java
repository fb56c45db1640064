package dev.lethe.core.request;

import dev.lethe.platform.testing.TestDatabase;

class VerificationsH2Test extends VerificationsContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
