package dev.lethe.core.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of identifier a person can be found by, as they appear in data maps and requests. */
public enum IdentityKind {
  EMAIL("email"),
  PHONE("phone"),
  WA_ID("wa_id"),
  PSID("psid"),
  IGSID("igsid"),
  META_USER_ID("meta_user_id"),
  TELEGRAM("telegram"),
  /** Primary keys of root rows, given directly (an operator picking one conversation, say). */
  IDS("ids");

  private final String code;

  IdentityKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<IdentityKind> fromCode(String code) {
    String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code.equals(wanted)).findFirst();
  }

  public static String knownCodes() {
    return String.join(", ", Arrays.stream(values()).map(IdentityKind::code).toList());
  }

  @Override
  public String toString() {
    return code;
  }
}
