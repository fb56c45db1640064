package dev.lethe.core.deadline;

import dev.lethe.core.LetheException;

/** An extension the law does not allow; {@link #why()} says which rule refused it. */
public final class ExtensionRefusedException extends LetheException {

  /** Why an extension was refused. */
  public enum Why {
    /** The person must be told why; an extension without a reason is not one. */
    BLANK_REASON,
    /** No jurisdiction of the request sets a legal period, so there is none to extend. */
    NO_LEGAL_PERIOD,
    /** The original legal period has ended: the notice of extension is too late. */
    NOTICE_TOO_LATE,
    /** The new date would fall after the latest date the law allows. */
    BEYOND_LEGAL_MAXIMUM
  }

  private final Why why;

  ExtensionRefusedException(Why why, String message) {
    super(message);
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
