package dev.lethe.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.plan.WorkspaceLookup;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A business named on a public form is found as its workspace, by name or by key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkspaceLookupContract {

  TestDatabase db;
  WorkspaceLookup workspaces;
  long id;
  String name;

  abstract TestDatabase.Kind kind();

  @BeforeAll
  void setUp() throws SQLException {
    db = TestDatabase.create(kind());
    ReferencePlatform.createSchema(db.dataSource());
    new PlatformGenerator(PlatformGenerator.Sizes.small(), 42, PlatformGenerator.REFERENCE_NOW)
        .generate(db.dataSource());
    Lethe lethe =
        Lethe.open(
            db.dataSource(),
            DataMapLoader.load("reference-platform.yaml", ReferencePlatform.dataMapText()),
            new NoFileStore(),
            Clock.systemUTC());
    workspaces = lethe.workspaces();
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT MIN(id), name FROM workspaces GROUP BY name HAVING COUNT(*) = 1"
                    + " ORDER BY name");
        ResultSet rs = s.executeQuery()) {
      assertThat(rs.next()).isTrue();
      id = rs.getLong(1);
      name = rs.getString(2);
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void a_workspace_is_found_by_its_name_whatever_the_case_and_the_spaces_around_it() {
    assertThat(workspaces.entity()).contains("workspaces");
    assertThat(workspaces.find(Optional.of("name"), "  " + name.toUpperCase(Locale.ROOT), 2))
        .containsExactly(String.valueOf(id));
  }

  @Test
  void an_unknown_name_or_key_finds_nothing() {
    assertThat(workspaces.find(Optional.of("name"), name + " Unknown Ltd", 2)).isEmpty();
    assertThat(workspaces.find(Optional.empty(), "999999999", 2)).isEmpty();
    assertThat(workspaces.find(Optional.empty(), "not a number", 2)).isEmpty();
    assertThat(workspaces.find(Optional.of("name"), " ", 2)).isEmpty();
  }

  @Test
  void without_a_column_a_workspace_is_found_by_its_key() {
    assertThat(workspaces.find(Optional.empty(), " " + id + " ", 2))
        .containsExactly(String.valueOf(id));
  }

  @Test
  void two_workspaces_of_the_same_name_are_both_found_so_the_caller_can_refuse_to_guess()
      throws SQLException {
    long another;
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT MIN(id) FROM workspaces WHERE id <> ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        another = rs.getLong(1);
      }
    }
    String other = rename(another, name);
    try {
      assertThat(workspaces.find(Optional.of("name"), name, 2)).hasSize(2);
    } finally {
      rename(another, other);
    }
  }

  private String rename(long workspace, String newName) throws SQLException {
    try (Connection c = db.dataSource().getConnection()) {
      String old;
      try (PreparedStatement s = c.prepareStatement("SELECT name FROM workspaces WHERE id = ?")) {
        s.setLong(1, workspace);
        try (ResultSet rs = s.executeQuery()) {
          assertThat(rs.next()).as("workspace %s", workspace).isTrue();
          old = rs.getString(1);
        }
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE workspaces SET name = ? WHERE id = ?")) {
        s.setString(1, newName);
        s.setLong(2, workspace);
        s.executeUpdate();
      }
      return old;
    }
  }

  @Test
  void a_column_the_workspace_table_lacks_is_refused() {
    assertThatThrownBy(() -> workspaces.requireColumn("no_such_column"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no_such_column");
    workspaces.requireColumn("name");
  }
}
