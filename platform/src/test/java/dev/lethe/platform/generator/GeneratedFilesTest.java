package dev.lethe.platform.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFilesTest {

  @Test
  void every_file_key_in_the_database_has_its_file(@TempDir Path files) throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      ReferencePlatform.createSchema(db.dataSource());

      new PlatformGenerator(PlatformGenerator.Sizes.small(), 3, PlatformGenerator.REFERENCE_NOW)
          .withFiles(files)
          .generate(db.dataSource());

      List<String> keys = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT avatar_key FROM accounts WHERE avatar_key IS NOT NULL"
                      + " UNION ALL SELECT storage_key FROM attachments"
                      + " UNION ALL SELECT storage_key FROM kb_documents")) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      assertThat(keys)
          .isNotEmpty()
          .allSatisfy(key -> assertThat(files.resolve(key)).isRegularFile());
      try (var all = Files.walk(files)) {
        assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(keys.size());
      }
    }
  }
}
