package dev.lethe.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A small hand-made messaging schema with known rows, for engine tests that check exact ids. */
final class MiniPlatform {

  static final String ALICE = "alice@example.com";
  static final String CAROL = "carol@example.com";
  static final String CAROL_PHONE = "+6281234567890";

  static String resource(String name) {
    try (InputStream in = MiniPlatform.class.getResourceAsStream("/engine/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void create(DataSource dataSource, Path files) throws SQLException, IOException {
    run(dataSource, resource("mini.sql"));
    run(
        dataSource,
        String.join(
            ";\n",
            "INSERT INTO accounts VALUES (1, 'alice@example.com', 'Alice', 'avatars/1.png')",
            "INSERT INTO accounts VALUES (2, 'bob@example.com', 'Bob', 'avatars/2.png')",
            "INSERT INTO workspaces VALUES (10, 1, 'Alice shop')",
            "INSERT INTO workspaces VALUES (20, 2, 'Bob shop')",
            "INSERT INTO contacts VALUES (100, 10, 'Carol', 'carol@example.com', '+6281234567890', '6281234567890')",
            "INSERT INTO contacts VALUES (101, 10, 'Dave', 'dave@example.com', '+6281111111111', '6281111111111')",
            "INSERT INTO contacts VALUES (200, 20, 'Carol', 'carol@example.com', '+6281234567890', '6281234567890')",
            "INSERT INTO conversations VALUES (1000, 10, 100)",
            "INSERT INTO conversations VALUES (1001, 10, 100)",
            "INSERT INTO conversations VALUES (1010, 10, 101)",
            "INSERT INTO conversations VALUES (2000, 20, 200)",
            "INSERT INTO messages VALUES (10000, 10, 1000, 'hi from carol', TIMESTAMP '2026-01-01 10:00:00')",
            "INSERT INTO messages VALUES (10001, 10, 1000, 'photo', TIMESTAMP '2026-01-01 10:01:00')",
            "INSERT INTO messages VALUES (10002, 10, 1001, 'again', TIMESTAMP '2026-02-01 10:00:00')",
            "INSERT INTO messages VALUES (10100, 10, 1010, 'dave here', TIMESTAMP '2026-01-05 10:00:00')",
            "INSERT INTO messages VALUES (20000, 20, 2000, 'carol at bob', TIMESTAMP '2026-01-03 10:00:00')",
            "INSERT INTO attachments VALUES (1, 10001, 'media/10001.jpg')",
            "INSERT INTO attachments VALUES (2, 10100, 'media/10100.jpg')",
            "INSERT INTO attachments VALUES (3, 20000, 'media/20000.jpg')",
            "INSERT INTO notes VALUES (1, 10, 100, 1, 'Alice', 'VIP customer')",
            "INSERT INTO notes VALUES (2, 20, 200, 1, 'Alice', 'helped Bob with carol')",
            "INSERT INTO notes VALUES (3, 20, 200, 2, 'Bob', 'own note')",
            "INSERT INTO invoices VALUES (1, 10, 1, 'Alice', 'alice@example.com', 1000, TIMESTAMP '2026-03-01 00:00:00')",
            "INSERT INTO invoices VALUES (2, 20, 2, 'Bob', 'bob@example.com', 2000, TIMESTAMP '2026-03-01 00:00:00')"));
    for (String key :
        new String[] {
          "avatars/1.png", "avatars/2.png", "media/10001.jpg", "media/10100.jpg", "media/20000.jpg"
        }) {
      Path file = files.resolve(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "file " + key);
    }
  }

  static void run(DataSource dataSource, String script) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : script.split(";\\s*\n")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }
}
