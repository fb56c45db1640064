package dev.lethe.core.ledger;

import dev.lethe.platform.testing.TestDatabase;

class LedgerH2Test extends LedgerContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.H2;
  }
}
