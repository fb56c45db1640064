package dev.lethe.cli;

import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.schema.Vendor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Check the ledger of receipts in Lethe's own database: verify, head.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Exit codes: 0 intact, 2 bad input or no ledger in that database,",
      "3 database unreachable, 6 ledger broken."
    },
    subcommands = {LedgerVerifyCommand.class, LedgerHeadCommand.class})
final class LedgerCommand implements Runnable {

  static final String TABLE = "lethe_ledger";

  @ParentCommand LetheCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing a command: verify or head");
  }

  /**
   * Opens the ledger of the database {@code --db} names. Opening migrates Lethe's service tables,
   * right for Lethe's own database; a database without a ledger is refused first, so that pointing
   * at the wrong one neither creates tables there nor reports an empty ledger as intact.
   */
  static Ledger open(DataSource dataSource, DatabaseOptions database) {
    Vendor vendor;
    try (Connection connection = dataSource.getConnection()) {
      vendor = Vendor.of(connection);
      if (!hasLedger(connection, vendor)) {
        throw CommandFailure.badInput(
            "no ledger in "
                + database.describe()
                + " (no table "
                + TABLE
                + "): --db must name Lethe's own database, the one the service uses");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the database schema", e);
    }
    return Ledger.open(dataSource, vendor, Clock.systemUTC());
  }

  private static boolean hasLedger(Connection connection, Vendor vendor) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema =
        vendor == Vendor.MARIADB || vendor == Vendor.MYSQL ? null : connection.getSchema();
    String escape = meta.getSearchStringEscape();
    String pattern = escape == null ? TABLE : TABLE.replace("_", escape + "_");
    try (ResultSet tables =
        meta.getTables(connection.getCatalog(), schema, pattern, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (TABLE.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
