package dev.lethe.core.apikey;

import dev.lethe.core.LetheException;

/** No API key with that id. */
public class UnknownApiKeyException extends LetheException {
  public UnknownApiKeyException(String id) {
    super("no API key with id " + id);
  }
}
