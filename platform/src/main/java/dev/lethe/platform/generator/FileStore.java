package dev.lethe.platform.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one small file per generated file key under a directory, or nothing without one. */
final class FileStore {

  private final Path root;

  FileStore(Path root) {
    this.root = root == null ? null : root.toAbsolutePath().normalize();
  }

  void write(String key) {
    if (root == null || key == null) {
      return;
    }
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("file key leaves the files directory: " + key);
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, "reference platform file " + key + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
