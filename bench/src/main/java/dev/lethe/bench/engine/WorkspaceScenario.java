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

  /** Every workspace, the smallest (the last) first. */
  @Override
  List<Subject> warmUpSubjects(Connection connection) throws SQLException {
    return Subject.all(connection, "SELECT id, id FROM workspaces ORDER BY id DESC");
  }

  @Override
  int warmUpRound() {
    return 1;
  }

  @Override
  int rowByRowSample(BenchSize size) {
    return size == BenchSize.MEDIUM || size == BenchSize.LARGE ? 20_000 : 0;
  }
}
