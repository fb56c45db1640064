package dev.lethe.core.desk;

import java.util.Arrays;
import java.util.Locale;

/** The mails Lethe writes to the person behind a request. */
public enum MailKind {
  /** The request is received: its confirmation code and due date. */
  ACKNOWLEDGEMENT,
  /** Prove the request is yours: a link and a code. */
  VERIFICATION,
  /** Done: the deletion ID, what was deleted and kept, the backup horizon. */
  CONFIRMATION,
  /** Refused, with the reason. */
  REJECTION;

  /** After this mail nothing more is written to the person: their address can go. */
  boolean isLast() {
    return this == CONFIRMATION || this == REJECTION;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MailKind fromCode(String code) {
    return Arrays.stream(values())
        .filter(k -> k.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown mail kind: " + code));
  }
}
