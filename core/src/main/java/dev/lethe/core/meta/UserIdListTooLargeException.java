package dev.lethe.core.meta;

import dev.lethe.core.LetheException;

/** A user id list past the import limits; split it, or it is not a list from Meta. */
public class UserIdListTooLargeException extends LetheException {
  public UserIdListTooLargeException(String message) {
    super(message);
  }
}
