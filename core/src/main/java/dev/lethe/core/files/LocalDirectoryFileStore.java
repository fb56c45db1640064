package dev.lethe.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files under one directory, the key being the path relative to it. */
public final class LocalDirectoryFileStore implements FileStore {

  private final Path root;

  public LocalDirectoryFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  private Path resolve(String key) throws IOException {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IOException("file key leads outside the file store");
    }
    return path;
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public boolean exists(String key) throws IOException {
    return Files.exists(resolve(key));
  }

  @Override
  public String toString() {
    return "directory " + root;
  }
}
