package dev.lethe.core.request;

import dev.lethe.core.LetheException;

/** A verification link or code that cannot verify anything; {@link #why()} says what is wrong. */
public class VerificationRefusedException extends LetheException {

  /** Why a link or code was refused. */
  public enum Why {
    UNKNOWN("this verification link or code is unknown"),
    EXPIRED("this verification link or code has expired; ask for a new one"),
    USED("this verification link or code has already been used"),
    WRONG_CODE("the verification code is wrong"),
    TOO_MANY_ATTEMPTS("too many wrong codes; ask for a new one");

    private final String message;

    Why(String message) {
      this.message = message;
    }
  }

  private final Why why;

  public VerificationRefusedException(Why why) {
    super(why.message);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
