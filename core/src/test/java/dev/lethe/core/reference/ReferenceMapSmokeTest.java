package dev.lethe.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.datamap.SchemaValidator;
import dev.lethe.core.schema.SchemaSnapshot;
import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ReferenceMapSmokeTest {
  @Test
  void the_reference_map_fits_the_reference_schema() throws Exception {
    DataMap map = DataMapLoader.load("reference-platform.yaml", ReferencePlatform.dataMapText());
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
      ReferencePlatform.createSchema(db.dataSource());
      try (Connection c = db.dataSource().getConnection()) {
        assertThat(SchemaValidator.validate(map, SchemaSnapshot.read(c))).isEmpty();
      }
    }
  }
}
