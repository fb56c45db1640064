package dev.lethe.core.files;

import java.io.IOException;

/**
 * Where the host keeps uploaded files, by key. A local directory now; object storage later. Its
 * methods may be called from more than one thread at once.
 */
public interface FileStore {

  /** Deletes the file; a file that is already gone counts as deleted. */
  void delete(String key) throws IOException;

  boolean exists(String key) throws IOException;
}
