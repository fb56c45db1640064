package dev.lethe.cli;

import dev.lethe.core.Lethe;
import dev.lethe.core.datamap.DataMap;
import dev.lethe.core.datamap.DataMapLoader;
import dev.lethe.core.files.FileStore;
import dev.lethe.core.files.LocalDirectoryFileStore;
import dev.lethe.core.files.NoFileStore;
import dev.lethe.platform.ReferencePlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

  /** Opens the engine: creates Lethe's tables if needed and checks the map against the schema. */
  Lethe open(DataSource dataSource, DataMap map) {
    return Lethe.open(dataSource, map, fileStore(), Clock.systemUTC());
  }
}
