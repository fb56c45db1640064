package dev.lethe.core.request;

import dev.lethe.core.LetheException;
import java.util.UUID;

/** Another process moved the request between reading and updating it; read it again. */
public class StaleRequestException extends LetheException {
  public StaleRequestException(UUID id, long version) {
    super("request " + id + " changed since version " + version + " was read");
  }
}
