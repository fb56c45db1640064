package dev.lethe.server.console;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an operator of the console may do. Codes are stable: they are stored. */
public enum Role {
  /** Everything, in every workspace, and the operators themselves. */
  PLATFORM_ADMIN,
  /** Works requests, holds and the privacy tools in every workspace. */
  PRIVACY_OPERATOR,
  /** Reads everything a privacy operator reads; changes nothing. */
  AUDITOR,
  /** Works requests and the privacy tools of its own workspaces only. */
  WORKSPACE_ADMIN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security authority, {@code ROLE_<NAME>}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Whether the role may change anything (every role but the auditor). */
  public boolean acts() {
    return this != AUDITOR;
  }

  public static Optional<Role> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
