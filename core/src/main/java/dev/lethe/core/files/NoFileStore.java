package dev.lethe.core.files;

import java.io.IOException;

/**
 * For hosts whose data map names file columns but which run without a file store: every delete
 * fails, so file keys stay recorded and the run cannot complete until a store is configured.
 */
public final class NoFileStore implements FileStore {

  @Override
  public void delete(String key) throws IOException {
    throw new IOException("no file store is configured");
  }

  @Override
  public boolean exists(String key) throws IOException {
    throw new IOException("no file store is configured");
  }
}
