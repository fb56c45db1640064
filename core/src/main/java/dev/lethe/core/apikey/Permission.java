package dev.lethe.core.apikey;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an API key may do. The codes are stored and appear in configuration; they never change. */
public enum Permission {
  /** Read deletion requests, their events and receipts. */
  REQUESTS_READ("requests:read"),
  /** Submit, cancel and move deletion requests. */
  REQUESTS_WRITE("requests:write"),
  /** Place, list and lift legal holds. */
  HOLDS("holds"),
  /** Issue, list and revoke API keys. */
  KEYS("keys");

  private final String code;

  Permission(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * The permission with this code, exactly as written.
   *
   * @throws InvalidApiKeyException naming the known codes when there is none
   */
  public static Permission parse(String code) {
    for (Permission permission : values()) {
      if (permission.code.equals(code)) {
        return permission;
      }
    }
    throw new InvalidApiKeyException(
        "unknown permission '" + code + "' (known: " + knownCodes() + ")");
  }

  public static String knownCodes() {
    return Arrays.stream(values()).map(Permission::code).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return code;
  }
}
