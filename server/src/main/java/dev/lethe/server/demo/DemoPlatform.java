package dev.lethe.server.demo;

import dev.lethe.platform.ReferencePlatform;
import dev.lethe.platform.generator.PlatformGenerator;
import dev.lethe.platform.generator.PlatformGenerator.Sizes;
import dev.lethe.server.config.HostPreparation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's host: the reference platform, created and filled with generated data (and files) on
 * first start, left as it is afterwards.
 */
final class DemoPlatform implements HostPreparation {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);
  private static final long SEED = 42;

  private final Path files;

  DemoPlatform(Path files) {
    this.files = files;
  }

  @Override
  public void prepare(DataSource host) {
    if (exists(host)) {
      return;
    }
    try {
      Files.createDirectories(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + files, e);
    }
    LOG.info("creating the demo platform (a sample messaging CRM) with files under {}", files);
    ReferencePlatform.createSchema(host);
    new PlatformGenerator(Sizes.small(), SEED, PlatformGenerator.REFERENCE_NOW)
        .withFiles(files)
        .generate(host);
  }

  private static boolean exists(DataSource host) {
    try (Connection connection = host.getConnection();
        ResultSet tables =
            connection.getMetaData().getTables(null, connection.getSchema(), "workspaces", null)) {
      return tables.next();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the demo platform's schema", e);
    }
  }
}
