package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.Lethe;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A space's media hang below it twice: by their space, and below the posts of its threads. They are
 * deleted first by their space, and then not looked up through the posts of every page of threads,
 * where the database's foreign key from media to posts refuses a post's delete while a medium is
 * left. A medium of another space below one of the space's posts makes that page's delete fail;
 * handled again in full, it goes too. Without that foreign key every page looks them up.
 */
class LeavesFirstTest {

  private static final String MAP =
      """
      version: 1
      name: leaves
      entities:
        space:
          identities:
            email: email
        thread:
          parents:
            space_id: { entity: space, on_delete: cascade }
        post:
          parents:
            space_id: { entity: space, on_delete: cascade }
            thread_id: { entity: thread, on_delete: cascade }
        media:
          files: [file_key]
          parents:
            space_id: { entity: space, on_delete: cascade }
            post_id: { entity: post, on_delete: cascade }
      scopes:
        subject:
          roots:
            - entity: space
              identified_by: [email]
      """;

  /** What an erasure of space 1 did: its receipt, and the statements it sent. */
  private record Erased(Receipt receipt, List<String> mediaByPost) {}

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void media_go_first_by_their_space_and_are_not_looked_up_below_each_page(
      TestDatabase.Kind kind, @TempDir Path files) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Erased erased = erase(db, files, true, false);

      assertThat(erased.receipt().entity("media").deleted()).isEqualTo(3);
      assertThat(erased.receipt().filesDeleted()).containsEntry("media", 2L);
      assertThat(erased.mediaByPost()).as("media deleted or recorded by post").isEmpty();
      assertUntouched(db, files);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_medium_of_another_space_below_the_spaces_posts_goes_with_the_page_handled_again(
      TestDatabase.Kind kind, @TempDir Path files) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Erased erased = erase(db, files, true, true);

      assertThat(erased.receipt().entity("media").deleted()).isEqualTo(4);
      assertThat(erased.receipt().filesDeleted()).containsEntry("media", 3L);
      assertThat(db.count("SELECT COUNT(*) FROM media WHERE id = 5")).isZero();
      assertThat(files.resolve("m5")).doesNotExist();
      assertThat(erased.mediaByPost()).as("the page handled again, in full").isNotEmpty();
      assertUntouched(db, files);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void without_the_foreign_key_every_page_looks_them_up(TestDatabase.Kind kind, @TempDir Path files)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      Erased erased = erase(db, files, false, true);

      assertThat(erased.receipt().entity("media").deleted()).isEqualTo(4);
      assertThat(erased.receipt().filesDeleted()).containsEntry("media", 3L);
      assertThat(erased.mediaByPost()).isNotEmpty();
      assertUntouched(db, files);
    }
  }

  /**
   * Space 1 (threads 1 and 2, posts 1–3, media 1–3) is erased; space 2 keeps thread 3, post 4 and
   * medium 4. With {@code stray}, medium 5 is space 2's by its column but hangs below post 3.
   */
  private static Erased erase(TestDatabase db, Path files, boolean foreignKey, boolean stray)
      throws Exception {
    db.execute(
        "CREATE TABLE space (id BIGINT PRIMARY KEY, email VARCHAR(100))",
        "CREATE TABLE thread (id BIGINT PRIMARY KEY, space_id BIGINT REFERENCES space (id))",
        "CREATE TABLE post (id BIGINT PRIMARY KEY, space_id BIGINT REFERENCES space (id),"
            + " thread_id BIGINT REFERENCES thread (id))",
        "CREATE TABLE media (id BIGINT PRIMARY KEY, space_id BIGINT REFERENCES space (id),"
            + (foreignKey ? " post_id BIGINT REFERENCES post (id)," : " post_id BIGINT,")
            + " file_key VARCHAR(50))",
        "INSERT INTO space VALUES (1, 'a@example.com'), (2, 'b@example.com')",
        "INSERT INTO thread VALUES (1, 1), (2, 1), (3, 2)",
        "INSERT INTO post VALUES (1, 1, 1), (2, 1, 1), (3, 1, 2), (4, 2, 3)",
        "INSERT INTO media VALUES (1, 1, 1, 'm1'), (2, 1, 2, 'm2'), (3, 1, 3, NULL),"
            + " (4, 2, 4, 'm4')");
    if (stray) {
      db.execute("INSERT INTO media VALUES (5, 2, 3, 'm5')");
    }
    for (String key : List.of("m1", "m2", "m4", "m5")) {
      Files.writeString(files.resolve(key), key);
    }
    CountingDataSource counting = new CountingDataSource(db.dataSource());
    Lethe lethe =
        Engines.open(counting.dataSource(), "leaves.yaml", MAP, new LocalDirectoryFileStore(files));

    Receipt receipt = lethe.erase(Engines.subject(lethe, "a@example.com"), List.of());

    assertThat(receipt.verification().passed()).isTrue();
    assertThat(receipt.entity("post").deleted()).isEqualTo(3);
    assertThat(receipt.entity("thread").deleted()).isEqualTo(2);
    assertThat(files.resolve("m1")).doesNotExist();
    assertThat(files.resolve("m2")).doesNotExist();
    List<String> mediaByPost =
        counting.sent.stream()
            .map(CountingDataSource.Sent::sql)
            .filter(s -> s.startsWith("delete") || s.startsWith("with") || s.startsWith("insert"))
            .filter(s -> s.contains("media") && s.contains("post_id"))
            .toList();
    return new Erased(receipt, mediaByPost);
  }

  /** Space 2 is as it was. */
  private static void assertUntouched(TestDatabase db, Path files) throws Exception {
    assertThat(db.count("SELECT COUNT(*) FROM space")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM thread WHERE id = 3 AND space_id = 2")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM thread")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM post WHERE id = 4 AND thread_id = 3")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM post")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM media WHERE id = 4 AND post_id = 4")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM media")).isEqualTo(1);
    assertThat(files.resolve("m4")).exists();
  }
}
