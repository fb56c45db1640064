package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.ledger.Anchor;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.schema.Vendor;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lethe ledger} on a ledger of four receipts, run on each database product by a subclass.
 */
abstract class LedgerCommandContract {

  private static final String SECRET_LOOKING_BODY_TEXT = "body-text-never-printed";

  private TestDatabase db;
  private Ledger ledger;

  abstract TestDatabase.Kind kind();

  @BeforeEach
  void appendFourReceipts() {
    db = TestDatabase.create(kind());
    ledger = Ledger.open(db.dataSource(), vendor(), Clock.systemUTC());
    for (int i = 1; i <= 4; i++) {
      ledger.append(
          "erasure-receipt",
          "run-" + i,
          "{\"deleted\":" + i + ",\"note\":\"" + SECRET_LOOKING_BODY_TEXT + "\"}");
    }
  }

  @AfterEach
  void dropTheDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private Vendor vendor() {
    return switch (kind()) {
      case H2 -> Vendor.H2;
      case POSTGRESQL -> Vendor.POSTGRESQL;
      case MARIADB -> Vendor.MARIADB;
    };
  }

  private Cli.Result ledger(String command, String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "ledger";
    all[1] = command;
    all[2] = "--db";
    all[3] = db.url();
    System.arraycopy(args, 0, all, 4, args.length);
    return Cli.run(all);
  }

  @Test
  void an_intact_ledger_exits_0_with_the_entries_checked_and_the_head() {
    Cli.Result result = ledger("verify");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("intact: 4 entries checked")
        .contains("head: " + ledger.head())
        .doesNotContain(SECRET_LOOKING_BODY_TEXT);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void head_prints_the_anchor_alone() {
    Cli.Result result = ledger("head");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualToIgnoringNewLines(ledger.head().toString());
  }

  @Test
  void an_edited_body_exits_6_naming_the_entry() throws SQLException {
    sql("UPDATE lethe_ledger SET body = '{\"deleted\":0}' WHERE seq = 2");

    Cli.Result result = ledger("verify");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(6);
    assertThat(result.out())
        .contains("broken at seq 2: BODY_HASH_MISMATCH")
        .contains("intact before it: 1 entry, up to " + ledger.find(1).orElseThrow().anchor());
  }

  @Test
  void a_deleted_middle_entry_exits_6_naming_the_missing_seq() throws SQLException {
    sql("DELETE FROM lethe_ledger WHERE seq = 3");

    Cli.Result result = ledger("verify");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(6);
    assertThat(result.out()).contains("broken at seq 3: MISSING_SEQ");
  }

  @Test
  void an_anchor_still_in_the_chain_is_reported_found() {
    Anchor second = ledger.find(2).orElseThrow().anchor();

    Cli.Result result = ledger("verify", "--anchor", second.toString());

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("anchor " + second + " found unchanged");
  }

  @Test
  void an_anchor_with_another_hash_exits_6() {
    String otherHash = ledger.find(3).orElseThrow().entryHash();

    Cli.Result result = ledger("verify", "--anchor", "2:" + otherHash);

    assertThat(result.exitCode()).isEqualTo(6);
    assertThat(result.out()).contains("broken at seq 2: ANCHOR_MISMATCH");
  }

  @Test
  void a_removed_tail_with_the_head_rewound_passes_alone_but_not_with_the_old_head_as_anchor()
      throws SQLException {
    Anchor kept = ledger.head();
    Anchor third = ledger.find(3).orElseThrow().anchor();
    sql("DELETE FROM lethe_ledger WHERE seq = 4");
    sql("UPDATE lethe_ledger_head SET seq = 3, entry_hash = '" + third.entryHash() + "'");

    Cli.Result alone = ledger("verify");
    Cli.Result anchored = ledger("verify", "--anchor", kept.toString());

    assertThat(alone.exitCode()).as(alone.out()).isZero();
    assertThat(anchored.exitCode()).isEqualTo(6);
    assertThat(anchored.out()).contains("broken at seq 4: ANCHOR_MISMATCH");
  }

  @Test
  void a_database_without_a_ledger_is_refused_and_left_as_it_was() throws SQLException {
    try (TestDatabase empty = TestDatabase.create(kind())) {
      Cli.Result result = Cli.run("ledger", "verify", "--db", empty.url());

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.err()).startsWith("lethe: no ledger in ").contains("lethe_ledger");
      try (Connection c = empty.dataSource().getConnection();
          var tables = c.getMetaData().getTables(c.getCatalog(), schema(c), "lethe%", null)) {
        assertThat(tables.next()).as("a lethe table was created").isFalse();
      }
    }
  }

  private String schema(Connection c) throws SQLException {
    return kind() == TestDatabase.Kind.MARIADB ? null : c.getSchema();
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(statement)) {
      s.executeUpdate();
    }
  }
}
