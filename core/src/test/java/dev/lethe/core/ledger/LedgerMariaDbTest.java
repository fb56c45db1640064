package dev.lethe.core.ledger;

import dev.lethe.platform.testing.TestDatabase;

class LedgerMariaDbTest extends LedgerContract {
  @Override
  TestDatabase.Kind kind() {
    return TestDatabase.Kind.MARIADB;
  }
}
