package dev.lethe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferenceDataMapTest {

  @Test
  void the_data_map_declares_every_table_of_the_schema() {
    String yaml = ReferencePlatform.dataMapText();

    for (String table : ReferencePlatform.TABLES) {
      assertThat(yaml).as(table).contains("\n  " + table + ":\n");
    }
  }

  @Test
  void every_schema_script_creates_exactly_the_platform_tables() {
    for (String script : new String[] {"postgresql.sql", "mariadb.sql", "h2.sql"}) {
      String sql = ReferencePlatform.resourceText("/lethe/platform/schema/" + script);
      long creates =
          SqlScript.statements(sql).stream().filter(s -> s.startsWith("CREATE TABLE")).count();

      assertThat(creates).as(script).isEqualTo(ReferencePlatform.TABLES.size());
      for (String table : ReferencePlatform.TABLES) {
        assertThat(sql).as(script).contains("CREATE TABLE " + table + " (");
      }
    }
  }

  @Test
  void the_data_map_opens_as_a_stream_with_the_same_text() throws Exception {
    try (InputStream in = ReferencePlatform.openDataMap()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(ReferencePlatform.dataMapText());
    }
    assertThat(
            ReferencePlatform.class
                .getClassLoader()
                .getResource(ReferencePlatform.dataMapResource()))
        .isNotNull();
  }
}
