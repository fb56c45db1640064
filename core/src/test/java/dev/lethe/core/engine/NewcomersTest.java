package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.Lethe;
import dev.lethe.core.VerificationFailedException;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.identity.IdentityKind;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.state.RunStatus;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.api.Trigger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A row added below a row being erased, after the rows below it were deleted and before it is
 * (another connection's insert: a message arriving for a conversation being erased), where no
 * foreign key refuses the parent's delete. The parent then stays with its newcomer, and so does
 * everything above it: once the parent were gone, nothing would reach the newcomer, not the recount
 * nor a run resumed. The run fails its verification; resumed, it deletes what it left. A trigger
 * adds the newcomer here, after the children's delete, as another connection could (on PostgreSQL,
 * MariaDB and H2 where the database lets the trigger write the table it needs).
 */
class NewcomersTest {

  private static final String MAP =
      """
      version: 1
      name: newcomers
      entities:
        owner:
          identities:
            email: email
        conv:
          parents:
            owner_id: { entity: owner, on_delete: cascade }
        msg:
          parents:
            conv_id: { entity: conv, on_delete: cascade }
        att:
          parents:
            msg_id: { entity: msg, on_delete: cascade }
        note:
          parents:
            owner_id: { entity: owner, on_delete: anonymize, set: { body: { text: "[removed]" } } }
      scopes:
        subject:
          roots:
            - entity: owner
              identified_by: [email]
      """;

  /** The attachments in the map: without them, messages are leaves. */
  private static final String ATT =
      """
        att:
          parents:
            msg_id: { entity: msg, on_delete: cascade }
      """;

  @TempDir Path files;

  /**
   * The root's own child: without the guard, the owner went and the recount, looking for items by
   * the owner's key, failed the run all the same; now the owner stays with it.
   */
  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_child_added_below_the_root_keeps_the_root_and_fails_the_run(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      schema(db, "", "", "", "");
      // added while the conversations' messages are deleted, after the conversations were read
      db.execute(newcomer(kind, "msg", Newcomer.CONV));
      Lethe lethe = open(db.dataSource());

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-1"))
          .isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("conv: 1 row(s) below the deleted roots remain")
          .hasMessageContaining("owner: 1 row(s) below the deleted roots remain");
      assertThat(lethe.findRun("run-1").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
      assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id = 1")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM conv WHERE owner_id = 1")).isEqualTo(1);

      resumeAndCheck(db, lethe, "run-1", kind, "msg");
    }
  }

  /**
   * A message added to one of the owner's conversations after the messages' delete: its
   * conversation stays, and the owner above it. Without the guard both went, the recount (which
   * reaches messages through their conversations) found nothing, and the run completed, verified,
   * leaving the message. With attachments below the messages, the conversations have pages of their
   * own; without, they are deleted with the owner's page.
   */
  @ParameterizedTest
  @CsvSource({"POSTGRESQL, false", "POSTGRESQL, true", "H2, false", "H2, true"})
  void a_grandchild_added_after_its_level_was_deleted_keeps_its_parents_and_fails_the_run(
      TestDatabase.Kind kind, boolean attachments) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      schema(db, "", "", "", "");
      if (attachments) {
        db.execute("INSERT INTO att VALUES (1, 1), (2, 3), (3, 5)");
      }
      // MariaDB lets no trigger write the table whose delete fired it
      db.execute(newcomer(kind, "msg", Newcomer.MSG));
      Lethe lethe = open(db.dataSource(), attachments ? MAP : MAP.replace(ATT, ""));

      assertThatThrownBy(() -> lethe.erase(subject(lethe), List.of(), "run-2"))
          .isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("msg: 1 row(s) below the deleted roots remain")
          .hasMessageContaining("conv: 1 row(s) below the deleted roots remain")
          .hasMessageContaining("owner: 1 row(s) below the deleted roots remain");
      assertThat(lethe.findRun("run-2").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
      assertThat(db.count("SELECT COUNT(*) FROM msg WHERE id = 99")).isEqualTo(1);
      assertThat(db.count("SELECT COUNT(*) FROM conv WHERE id = 10")).isEqualTo(1);
      // the conversation without a newcomer went
      assertThat(db.count("SELECT COUNT(*) FROM conv WHERE id = 11")).isZero();
      assertThat(db.count("SELECT COUNT(*) FROM msg WHERE conv_id IN (10, 11) AND id <> 99"))
          .isZero();

      resumeAndCheck(db, lethe, "run-2", kind, "msg");
    }
  }

  /**
   * Where the database itself keeps newcomers from outliving their parent (a foreign key that
   * refuses the delete, or one that deletes a leaf with it) no delete looks for them; where a
   * foreign key only sets the reference to null, or there is none, the parent's delete does. A
   * note's foreign key setting null is enough for its detach, not for its anonymization.
   */
  @ParameterizedTest
  @CsvSource({
    "REFERENCES conv (id), false",
    "REFERENCES conv (id) ON DELETE CASCADE, false",
    "REFERENCES conv (id) ON DELETE SET NULL, true",
    "'', true"
  })
  void only_relations_no_foreign_key_guards_are_looked_at(String msgKey, boolean guarded)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL)) {
      schema(
          db,
          "REFERENCES owner (id)",
          msgKey,
          "REFERENCES msg (id)",
          "REFERENCES owner (id) ON DELETE SET NULL");
      CountingDataSource counting = new CountingDataSource(db.dataSource());
      Lethe lethe = open(counting.dataSource(), MAP.replace(ATT, ""));
      counting.sent.clear();

      Receipt receipt = lethe.erase(subject(lethe), List.of(), "run-3");

      assertThat(receipt.verification().passed()).isTrue();
      assertThat(receipt.entity("msg").deleted()).isEqualTo(3);
      assertThat(counting.containing("not exists (select 1 as \"one\" from \"msg\""))
          .as("the conversations' delete looks for newcomers")
          .hasSize(guarded ? 1 : 0);
      assertThat(counting.containing("not exists (select 1 as \"one\" from \"conv\"")).isEmpty();
      // the notes are anonymized: nulling their reference would not be enough
      assertThat(counting.containing("not exists (select 1 as \"one\" from \"note\"")).hasSize(1);
      assertUntouched(db);
    }
  }

  /**
   * Owner 1 (conversations 10 and 11, messages 1–3, note 1) is erased; owner 2 keeps conversation
   * 20, messages 4 and 5 and note 2. Each reference column is declared with the clause given.
   */
  private static void schema(
      TestDatabase db, String convKey, String msgKey, String attKey, String noteKey)
      throws Exception {
    db.execute(
        "CREATE TABLE owner (id BIGINT PRIMARY KEY, email VARCHAR(100))",
        "CREATE TABLE conv (id BIGINT PRIMARY KEY, owner_id BIGINT " + convKey + ")",
        "CREATE TABLE msg (id BIGINT PRIMARY KEY, conv_id BIGINT " + msgKey + ")",
        "CREATE TABLE att (id BIGINT PRIMARY KEY, msg_id BIGINT " + attKey + ")",
        "CREATE TABLE note (id BIGINT PRIMARY KEY, owner_id BIGINT "
            + noteKey
            + ","
            + " body VARCHAR(100))",
        "INSERT INTO owner VALUES (1, 'a@example.com'), (2, 'b@example.com')",
        "INSERT INTO conv VALUES (10, 1), (11, 1), (20, 2)",
        "INSERT INTO msg VALUES (1, 10), (2, 10), (3, 11), (4, 20), (5, 20)",
        "INSERT INTO note VALUES (1, 1, 'hello'), (2, 2, 'bye')");
  }

  /** The row a trigger adds: conversation 99 below owner 1, or message 99 below conversation 10. */
  private enum Newcomer {
    CONV("conv", "owner_id", 1, ConvNewcomer.class),
    MSG("msg", "conv_id", 10, MsgNewcomer.class);

    final String table;
    final String column;
    final long parent;
    final Class<? extends Trigger> h2Trigger;

    Newcomer(String table, String column, long parent, Class<? extends Trigger> h2Trigger) {
      this.table = table;
      this.column = column;
      this.parent = parent;
      this.h2Trigger = h2Trigger;
    }

    String insert() {
      return "INSERT INTO " + table + " (id, " + column + ") VALUES (99, " + parent + ")";
    }

    /** H2: the insert, or nothing if the row is there. */
    String merge() {
      return "MERGE INTO " + table + " (id, " + column + ") KEY (id) VALUES (99, " + parent + ")";
    }
  }

  /** A trigger that adds {@code row} after a delete from {@code on}, once. */
  private static String[] newcomer(TestDatabase.Kind kind, String on, Newcomer row) {
    return switch (kind) {
      case POSTGRESQL ->
          new String[] {
            "CREATE FUNCTION newcomer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + row.insert()
                + " ON CONFLICT DO NOTHING; RETURN NULL; END $$",
            "CREATE TRIGGER newcomer AFTER DELETE ON "
                + on
                + " FOR EACH STATEMENT EXECUTE FUNCTION newcomer()"
          };
      case MARIADB ->
          new String[] {
            "CREATE TRIGGER newcomer AFTER DELETE ON "
                + on
                + " FOR EACH ROW "
                + row.insert().replace("INSERT INTO", "INSERT IGNORE INTO")
          };
      case H2 ->
          new String[] {
            "CREATE TRIGGER newcomer AFTER DELETE ON "
                + on
                + " FOR EACH ROW CALL '"
                + row.h2Trigger.getName()
                + "'"
          };
    };
  }

  /** H2: adds its row once (H2 makes a trigger from its class name). */
  private abstract static class AddsNewcomer implements Trigger {
    private final Newcomer row;

    AddsNewcomer(Newcomer row) {
      this.row = row;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(row.merge());
      }
    }
  }

  public static final class ConvNewcomer extends AddsNewcomer {
    public ConvNewcomer() {
      super(Newcomer.CONV);
    }
  }

  public static final class MsgNewcomer extends AddsNewcomer {
    public MsgNewcomer() {
      super(Newcomer.MSG);
    }
  }

  /** The failed run resumed from its stored roots deletes what it left, and nothing else. */
  private static void resumeAndCheck(
      TestDatabase db, Lethe lethe, String runId, TestDatabase.Kind kind, String on)
      throws Exception {
    db.execute(
        kind == TestDatabase.Kind.POSTGRESQL
            ? "DROP TRIGGER newcomer ON " + on
            : "DROP TRIGGER newcomer");
    Receipt receipt = lethe.run(runId, List.of());
    assertThat(receipt.verification().passed()).isTrue();
    assertThat(lethe.findRun(runId).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id = 1")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM conv WHERE owner_id = 1")).isZero();
    assertThat(db.count("SELECT COUNT(*) FROM msg WHERE conv_id IN (10, 11)")).isZero();
    assertUntouched(db);
  }

  /** Owner 2's rows, and owner 1's note (anonymized, detached), as they should be. */
  private static void assertUntouched(TestDatabase db) throws Exception {
    assertThat(db.count("SELECT COUNT(*) FROM owner WHERE id = 2")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM conv WHERE id = 20 AND owner_id = 2")).isEqualTo(1);
    assertThat(db.count("SELECT COUNT(*) FROM msg WHERE conv_id = 20")).isEqualTo(2);
    assertThat(db.count("SELECT COUNT(*) FROM note WHERE id = 2 AND owner_id = 2 AND body = 'bye'"))
        .isEqualTo(1);
    assertThat(
            db.count(
                "SELECT COUNT(*) FROM note WHERE id = 1 AND owner_id IS NULL"
                    + " AND body = '[removed]'"))
        .isEqualTo(1);
  }

  private Lethe open(DataSource dataSource) {
    return open(dataSource, MAP);
  }

  private Lethe open(DataSource dataSource, String map) {
    return Lethe.open(
        new Lethe.Config(
            dataSource,
            DataMapLoader.load("newcomers.yaml", map),
            new LocalDirectoryFileStore(files),
            Clock.systemUTC(),
            Optional.of(new byte[16]),
            ExecutionOptions.defaults()));
  }

  private static ErasureRequest subject(Lethe lethe) {
    return ErasureRequest.of(
        "subject", List.of(lethe.normalizer().normalize(IdentityKind.EMAIL, "a@example.com")));
  }
}
