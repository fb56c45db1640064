package dev.lethe.core.hold;

import dev.lethe.core.LetheException;

/** No hold with that id. */
public class UnknownHoldException extends LetheException {
  public UnknownHoldException(String id) {
    super("no hold with id " + id);
  }
}
