package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rows two levels below a page (a conversation's messages' attachments) are deleted, their files
 * recorded and their detached rows updated by the keys of the rows between, found first: on
 * PostgreSQL as {@code = any(array(…))}, which it looks up by index, where {@code IN (…)} had it
 * read the whole table once the table was large. There the delete that records the files returns
 * them, and they are deleted from the store without being read back.
 */
class GrandchildKeysTest {

  private static final String MAP =
      """
      version: 1
      name: grandchildren
      entities:
        owner:
          identities:
            email: email
        item:
          parents:
            owner_id: { entity: owner, on_delete: cascade }
        part:
          files: [file_key]
          parents:
            item_id: { entity: item, on_delete: cascade }
        tag:
          parents:
            item_id: { entity: item, on_delete: detach }
      scopes:
        subject:
          roots:
            - entity: owner
              identified_by: [email]
      """;

  private static final String[] TABLES = {
    "CREATE TABLE owner (id BIGINT PRIMARY KEY, email VARCHAR(100))",
    "CREATE TABLE item (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owner (id))",
    "CREATE TABLE part (id BIGINT PRIMARY KEY, item_id BIGINT REFERENCES item (id),"
        + " file_key VARCHAR(50))",
    "CREATE TABLE tag (id BIGINT PRIMARY KEY, item_id BIGINT REFERENCES item (id))"
  };

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void rows_two_levels_below_a_page_go_by_the_keys_between(
      TestDatabase.Kind kind, @TempDir Path files) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.execute(TABLES);
      db.execute(
          "INSERT INTO owner VALUES (1, 'a@example.com'), (2, 'b@example.com')",
          "INSERT INTO item VALUES (1, 1), (2, 1), (3, 2)",
          "INSERT INTO part VALUES (1, 1, 'f1'), (2, 1, 'f2'), (3, 2, NULL), (4, 3, 'f4')",
          "INSERT INTO tag VALUES (1, 1), (2, 2), (3, 3)");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe =
          Engines.open(
              counting.dataSource(), "grandchildren.yaml", MAP, new LocalDirectoryFileStore(files));

      Receipt receipt = lethe.erase(Engines.subject(lethe, "a@example.com"), List.of());

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.entity("part").deleted()).isEqualTo(3);
      assertThat(receipt.entity("tag").detached()).isEqualTo(2);
      assertThat(receipt.filesDeleted()).containsEntry("part", 2L);
      assertThat(db.count("SELECT COUNT(*) FROM part")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM part WHERE id = 4 AND file_key = 'f4'"))
          .isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM tag WHERE item_id IS NULL")).isEqualTo(2);
      assertThat(db.count("SELECT COUNT(*) FROM tag WHERE id = 3 AND item_id = 3")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files"))
          .as("the files' keys forgotten with the run's completion")
          .isZero();
      // keys a completed run left (a process stopped before forgetting them) go when Lethe opens
      db.execute(
          "INSERT INTO lethe_run_files (run_id, entity, file_key, attempts) VALUES ('"
              + receipt.runId()
              + "', 'part', 'f1', 0)");
      Engines.open(db.dataSource(), "grandchildren.yaml", MAP, new LocalDirectoryFileStore(files));
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files")).isZero();
      if (kind == TestDatabase.Kind.POSTGRESQL) {
        List<String> below =
            counting.sent.stream()
                .map(CountingDataSource.Sent::sql)
                .filter(
                    s ->
                        s.startsWith("with \"d\" as (delete from \"part\"")
                            || s.startsWith("delete from \"part\"")
                            || s.startsWith("update \"tag\"")
                            || (s.startsWith("insert into \"lethe_run_")
                                && (s.contains("from \"part\"") || s.contains("from \"tag\""))))
                .toList();
        // deleting the parts and returning their files' keys in one statement (the run completes
        // in its only page: the keys held, not recorded), recording and detaching the tags
        assertThat(below).hasSizeGreaterThanOrEqualTo(3);
        assertThat(below).allMatch(s -> s.contains("= any (array(select"), "keys by array");
        assertThat(below)
            .filteredOn(s -> s.contains("\"part\""))
            .isNotEmpty()
            .allMatch(
                s ->
                    s.startsWith("with \"d\" as (delete from \"part\"")
                        && s.contains("returning \"part\".\"file_key\"")
                        && !s.contains("lethe_run_files"),
                "the parts deleted and their files' keys returned by one statement");
        // the files deleted from the store without a read of Lethe's tables
        assertThat(counting.containing("from \"lethe_run_files\""))
            .filteredOn(s -> s.sql().startsWith("select"))
            .isEmpty();
      }
    }
  }

  /**
   * A page whose delete records more files than it hands back with its counts: they are read back,
   * and every one is deleted from the store.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void more_files_than_a_delete_hands_back_are_read_back_and_deleted(
      TestDatabase.Kind kind, @TempDir Path files) throws Exception {
    // more than the 10,000 a delete hands back
    int parts = 10_200;
    try (TestDatabase db = TestDatabase.create(kind)) {
      db.execute(TABLES);
      db.execute("INSERT INTO owner VALUES (1, 'a@example.com')", "INSERT INTO item VALUES (1, 1)");
      for (int from = 0; from < parts; from += 500) {
        StringJoiner rows = new StringJoiner(", ", "INSERT INTO part VALUES ", "");
        for (int i = from; i < Math.min(parts, from + 500); i++) {
          rows.add("(" + i + ", 1, 'f" + i + "')");
          Files.writeString(files.resolve("f" + i), "x");
        }
        db.execute(rows.toString());
      }
      Lethe lethe =
          Engines.open(
              db.dataSource(), "grandchildren.yaml", MAP, new LocalDirectoryFileStore(files));

      Receipt receipt = lethe.erase(Engines.subject(lethe, "a@example.com"), List.of());

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.entity("part").deleted()).isEqualTo(parts);
      assertThat(receipt.filesDeleted()).containsEntry("part", (long) parts);
      assertThat(db.count("SELECT COUNT(*) FROM lethe_run_files"))
          .as("more keys than a page forgotten in pages after the completion")
          .isZero();
      try (Stream<Path> left = Files.list(files)) {
        assertThat(left).isEmpty();
      }
    }
  }
}
