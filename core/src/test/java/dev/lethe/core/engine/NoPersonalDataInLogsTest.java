package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lethe.core.FilesPendingException;
import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.core.plan.ErasureRequest;
import dev.lethe.platform.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger at DEBUG, an erasure that succeeds and one that stops leave the subject's
 * e-mail and phone in no log line, and no message body either.
 */
class NoPersonalDataInLogsTest {

  @TempDir Path files;
  TestDatabase db;
  ListAppender<ILoggingEvent> appender = new ListAppender<>();
  Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Level rootLevel;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create(TestDatabase.Kind.H2);
    MiniPlatform.create(db.dataSource(), files);
    rootLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    for (String name : List.of("org.jooq", "org.flywaydb", "com.zaxxer.hikari")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.DEBUG);
    }
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void tearDown() {
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    for (String name : List.of("org.jooq", "org.flywaydb", "com.zaxxer.hikari")) {
      ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
    }
    db.close();
  }

  @Test
  void erasing_and_failing_to_erase_log_no_identity_and_no_content() {
    String map = MiniPlatform.resource("mini.yaml");
    Lethe stuck =
        Lethe.open(
            db.dataSource(),
            DataMapLoader.load("mini.yaml", map),
            new NoFileStore(),
            Clock.systemUTC());
    ErasureRequest carol =
        ErasureRequest.of(
                "contact",
                List.of(
                    stuck.normalizer().parse("email=" + MiniPlatform.CAROL),
                    stuck.normalizer().parse("phone=" + MiniPlatform.CAROL_PHONE)))
            .inWorkspace("10");
    String run = stuck.start(stuck.plan(carol, List.of()));
    assertThatThrownBy(() -> stuck.run(run, List.of())).isInstanceOf(FilesPendingException.class);

    Lethe lethe =
        Lethe.open(
            db.dataSource(),
            DataMapLoader.load("mini.yaml", map),
            new LocalDirectoryFileStore(files),
            Clock.systemUTC());
    assertThat(lethe.run(run, List.of()).verification().passed()).isTrue();

    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      assertThat(line)
          .doesNotContainIgnoringCase(MiniPlatform.CAROL)
          .doesNotContain(MiniPlatform.CAROL_PHONE)
          .doesNotContain("6281234567890")
          .doesNotContain("hi from carol");
    }
  }
}
