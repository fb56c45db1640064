package dev.lethe.cli;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.execute.ExecutionOptions;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.platform.ReferencePlatform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import picocli.CommandLine.Option;

/** Which data map describes the database ({@code --datamap}) and where its files are. */
final class EngineOptions {

  @Option(
      names = "--datamap",
      paramLabel = "<file>",
      description = "Data map (YAML). Default: the reference platform's map.")
  Path dataMap;

  @Option(
      names = "--files",
      paramLabel = "<dir>",
      description = "Directory holding the files the map's file columns name.")
  Path files;

  /** Loads the map without touching the database, so a bad map is reported first. */
  DataMap loadDataMap() {
    return loadDataMap(dataMap);
  }

  static DataMap loadDataMap(Path file) {
    if (file == null) {
      return DataMapLoader.load(
          ReferencePlatform.dataMapResource(), ReferencePlatform.dataMapText());
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw CommandFailure.badInput("cannot read the data map " + file);
    }
    return DataMapLoader.load(file);
  }

  /**
   * Without {@code --files}, file deletions fail and stay pending, so a run over rows with files
   * cannot complete: Lethe never reports a file deleted that it did not delete.
   */
  FileStore fileStore() {
    if (files == null) {
      return new NoFileStore();
    }
    if (!Files.isDirectory(files)) {
      throw CommandFailure.badInput("--files " + files + " is not a directory");
    }
    return new LocalDirectoryFileStore(files);
  }

  /** The environment variable holding the installation secret (at least 16 characters). */
  static final String SECRET_VARIABLE = "LETHE_SECRET";

  /**
   * Opens the engine: creates Lethe's tables if needed and checks the map against the schema. The
   * installation secret (keyed hashes, sealing of open requests' identities) comes from {@code
   * LETHE_SECRET} when set; otherwise Lethe generates one and keeps it in the database.
   */
  Lethe open(DataSource dataSource, DataMap map, Map<String, String> env) {
    Optional<byte[]> secret =
        Optional.ofNullable(env.get(SECRET_VARIABLE))
            .filter(v -> !v.isEmpty())
            .map(
                v -> {
                  if (v.length() < 16) {
                    throw CommandFailure.badInput(
                        SECRET_VARIABLE + " must be at least 16 characters");
                  }
                  return v.getBytes(StandardCharsets.UTF_8);
                });
    return Lethe.open(
        new Lethe.Config(
            dataSource, map, fileStore(), Clock.systemUTC(), secret, ExecutionOptions.defaults()));
  }
}
