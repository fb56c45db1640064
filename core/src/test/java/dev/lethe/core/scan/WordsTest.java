package dev.lethe.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

  @Test
  void splits_snake_and_camel_case_alike() {
    assertThat(Words.of("creator_account_id").words()).containsExactly("creator", "account", "id");
    assertThat(Words.of("creatorAccountId").words()).containsExactly("creator", "account", "id");
    assertThat(Words.of("HTMLBody").words()).containsExactly("html", "body");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "contacts, contact",
    "companies, company",
    "addresses, address",
    "boxes, box",
    "status, status",
    "users, user",
    "staff, staff",
  })
  void takes_table_names_to_their_singular(String plural, String singular) {
    assertThat(Words.singular(plural)).isEqualTo(singular);
  }

  @Test
  void knows_the_table_names_a_noun_goes_by() {
    assertThat(Words.tableNamesFor("company")).contains("companies");
    assertThat(Words.tableNamesFor("contact")).contains("contact", "contacts");
    assertThat(Words.tableNamesFor("box")).contains("boxes");
    assertThat(Words.tableNamesFor("day")).contains("days");
  }
}
