package dev.lethe.core.scan;

import static dev.lethe.core.scan.Columns.column;
import static dev.lethe.core.scan.Columns.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.Entity;
import dev.lethe.core.schema.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class DataMapSuggestionTest {

  @Test
  void parents_in_mapped_tables_are_named_by_their_entity() {
    Table contacts = table("contacts", "email:text");
    Table orders = table("orders", "contact_id:bigint", "shipping_address:text");
    MappedTables renamed = new MappedTables(contactsMappedAsPeople());

    Map<String, Map<String, Object>> entities = entities(suggest(renamed, contacts, orders));

    assertThat(entities).containsOnlyKeys("orders");
    assertThat(entities.get("orders").toString())
        .contains("contact_id={entity=people, on_delete=cascade}")
        .contains("personal=[shipping_address]");
  }

  @Test
  void names_yaml_would_misread_are_quoted() {
    Table odd =
        new Table(
            "odd",
            List.of(column("no", "text"), column("first name", "text")),
            List.of("no"),
            List.of(),
            List.of());

    String yaml = suggest(unmapped(), odd);

    assertThat(yaml).contains("key: \"no\"").contains("personal: [\"first name\"]");
    assertThat(entities(yaml).get("odd"))
        .containsEntry("key", "no")
        .containsEntry("personal", List.of("first name"));
  }

  @Test
  void a_table_without_a_primary_key_gets_a_key_marked_for_review() {
    Table log =
        new Table("audit_log", List.of(column("id", "bigint")), List.of(), List.of(), List.of());

    String yaml = suggest(unmapped(), log);

    assertThat(yaml).contains("key: id   # review: the table has no single-column primary key");
  }

  @Test
  void with_every_table_mapped_there_is_nothing_to_suggest() {
    Table contacts = table("contacts", "email:text");
    MappedTables all =
        new MappedTables(
            new CrmMap()
                .entity("contacts", null, List.of(), List.of(), List.of(), List.of("email"))
                .build());

    assertThat(suggest(all, contacts)).startsWith("# Nothing to suggest");
  }

  /** A map whose entity "people" maps the contacts table. */
  private static DataMap contactsMappedAsPeople() {
    return new DataMap(
        "test",
        Map.of(
            "people",
            new Entity(
                "people",
                "contacts",
                "id",
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of("email"),
                null,
                null)),
        List.of(),
        Map.of(),
        "ID",
        "0");
  }

  private static MappedTables unmapped() {
    return new MappedTables(CrmMap.empty());
  }

  private static String suggest(MappedTables mapped, Table... tables) {
    return new DataMapSuggestion(List.of(tables), mapped, new References(List.of(tables))).yaml();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> entities(String yaml) {
    Map<String, Object> document =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    return (Map<String, Map<String, Object>>) document.get("entities");
  }
}
