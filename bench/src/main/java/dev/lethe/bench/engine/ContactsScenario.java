package dev.lethe.bench.engine;

import dev.lethe.bench.BenchSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Scenario 2, {@code contacts}: erase end customers one request each (1,000; 100 at {@code small}),
 * spread evenly over the contact ids and so over the workspaces. A throughput: contacts per second.
 */
public final class ContactsScenario extends ErasureScenario {

  @Override
  public String name() {
    return "contacts";
  }

  @Override
  String scope() {
    return "contact";
  }

  @Override
  boolean tenantBound() {
    return true;
  }

  @Override
  ErasureSql sql() {
    return ErasureSql.contact();
  }

  @Override
  String unit() {
    return "contacts";
  }

  static int requests(BenchSize size) {
    return switch (size) {
      case TINY -> 10;
      case SMALL -> 100;
      case MEDIUM, LARGE -> 1_000;
    };
  }

  @Override
  List<Subject> subjects(Connection connection, BenchSize size) throws SQLException {
    int wanted = requests(size);
    long every = Math.max(1, size.platform().contacts() / wanted);
    return Subject.all(
        connection,
        "SELECT id, workspace_id FROM contacts WHERE MOD(id, "
            + every
            + ") = 0 ORDER BY id LIMIT "
            + wanted);
  }

  /**
   * As many contacts again as {@link #subjects}, each halfway between two of them in id order (the
   * same spread over the workspaces); none where the subjects are every contact.
   */
  @Override
  List<Subject> settlingSubjects(Connection connection, BenchSize size) throws SQLException {
    int wanted = requests(size);
    long every = size.platform().contacts() / wanted;
    if (every < 2) {
      return List.of();
    }
    return Subject.all(
        connection,
        "SELECT id, workspace_id FROM contacts WHERE MOD(id, "
            + every
            + ") = "
            + every / 2
            + " ORDER BY id LIMIT "
            + wanted);
  }

  /** Every contact of the platform, in the order of their ids. */
  @Override
  List<Subject> warmUpSubjects(Connection connection) throws SQLException {
    return Subject.all(connection, "SELECT id, workspace_id FROM contacts ORDER BY id");
  }

  @Override
  int warmUpRound() {
    return 100;
  }

  /**
   * Every contact of the warm-up's platforms: the methods a contact's request calls once each reach
   * the compiler's second tier only after thousands of requests, and rounds spent quiet in between
   * ended the warm-up at about 5,800 contacts, their compiling then falling into the timed run.
   */
  @Override
  int warmUpMinimum() {
    return Math.toIntExact(JvmWarmup.MAX_PLATFORMS * BenchSize.SMALL.platform().contacts());
  }

  @Override
  int rowByRowSample(BenchSize size) {
    return 0;
  }
}
