package dev.lethe.core.request;

import dev.lethe.core.LetheException;

/** No request with that id or confirmation code. */
public class UnknownRequestException extends LetheException {
  public UnknownRequestException(String what) {
    super("no deletion request " + what);
  }
}
