package dev.lethe.bench.engine;

import dev.lethe.bench.BenchSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Scenario 1, {@code workspace}: erase the largest workspace (account deletion) with everything in
 * it, while the other workspaces stay untouched. Timed: Lethe's time against each baseline's.
 */
public final class WorkspaceScenario extends ErasureScenario {

  @Override
  public String name() {
    return "workspace";
  }

  @Override
  String scope() {
    return "workspace";
  }

  @Override
  boolean tenantBound() {
    return false;
  }

  @Override
  ErasureSql sql() {
    return ErasureSql.workspace();
  }

  @Override
  String unit() {
    return "rows";
  }

  /** Workspace 1: the generator's skew makes it the largest. */
  @Override
  List<Subject> subjects(Connection connection, BenchSize size) {
    return List.of(new Subject(1, 1));
  }

  /**
   * Beyond {@code small}, the smallest workspace (the last): after a warm-up that had settled on
   * {@code small} platforms, the compiler still worked about 0.4 s in Lethe's timed run at {@code
   * medium}, its larger pages taking paths of their own.
   */
  @Override
  List<Subject> settlingSubjects(Connection connection, BenchSize size) throws SQLException {
    if (size == BenchSize.TINY || size == BenchSize.SMALL) {
      return List.of();
    }
    return Subject.all(
        connection, "SELECT id, id FROM workspaces WHERE id <> 1 ORDER BY id DESC LIMIT 1");
  }

  /** Every workspace, the smallest (the last) first. */
  @Override
  List<Subject> warmUpSubjects(Connection connection) throws SQLException {
    return Subject.all(connection, "SELECT id, id FROM workspaces ORDER BY id DESC");
  }

  @Override
  int warmUpRound() {
    return 1;
  }

  /**
   * A workspace's erasure is a few hundred pages: the 20 workspaces of five platforms left the
   * compiler busy for a quarter to a third of their last rounds, and 0.5–0.7 s of its work fell
   * into Lethe's timed run.
   */
  @Override
  int warmUpPlatforms() {
    return 20;
  }

  @Override
  int rowByRowSample(BenchSize size) {
    return size == BenchSize.MEDIUM || size == BenchSize.LARGE ? 20_000 : 0;
  }
}
