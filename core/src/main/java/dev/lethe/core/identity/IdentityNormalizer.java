package dev.lethe.core.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Turns identity values as people type them into the form hosts store: lower-case e-mails, E.164
 * phone numbers, digit-only WhatsApp ids, Telegram usernames without the leading {@code @}.
 */
public final class IdentityNormalizer {

  private final String phoneRegion;

  /**
   * @param phoneRegion ISO 3166 region used for phone numbers written without a country code
   */
  public IdentityNormalizer(String phoneRegion) {
    this.phoneRegion = phoneRegion.toUpperCase(Locale.ROOT);
  }

  /** Parses {@code kind=value}, as written on command lines. */
  public Identity parse(String kindEqualsValue) {
    int eq = kindEqualsValue.indexOf('=');
    if (eq <= 0) {
      throw new InvalidIdentityException(
          "identity must be written kind=value (kinds: " + IdentityKind.knownCodes() + ")");
    }
    String code = kindEqualsValue.substring(0, eq);
    IdentityKind kind =
        IdentityKind.fromCode(code)
            .orElseThrow(
                () ->
                    new InvalidIdentityException(
                        "unknown identity kind '"
                            + code.strip()
                            + "' (kinds: "
                            + IdentityKind.knownCodes()
                            + ")"));
    return normalize(kind, kindEqualsValue.substring(eq + 1));
  }

  public Identity normalize(IdentityKind kind, String raw) {
    String value = raw == null ? "" : raw.strip();
    if (value.isEmpty()) {
      throw new InvalidIdentityException("empty value for identity kind " + kind.code());
    }
    String normalized =
        switch (kind) {
          case EMAIL -> email(value);
          case PHONE -> phone(value);
          case WA_ID -> waId(value);
          case TELEGRAM -> telegram(value);
          case PSID, IGSID, META_USER_ID, IDS -> value;
        };
    return new Identity(kind, normalized);
  }

  private static String email(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    int at = lower.indexOf('@');
    if (at <= 0 || at != lower.lastIndexOf('@') || at == lower.length() - 1) {
      throw new InvalidIdentityException("not an e-mail address");
    }
    return lower;
  }

  private String phone(String value) {
    try {
      PhoneNumberUtil util = PhoneNumberUtil.getInstance();
      PhoneNumber number = util.parse(value, phoneRegion);
      if (!util.isPossibleNumber(number)) {
        throw new InvalidIdentityException("not a possible phone number");
      }
      return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw new InvalidIdentityException("not a phone number");
    }
  }

  private static String waId(String value) {
    String digits = value.replaceAll("[\\s+\\-().]", "");
    if (!digits.matches("[0-9]{5,20}")) {
      throw new InvalidIdentityException("a WhatsApp id is the phone number's digits");
    }
    return digits;
  }

  private static String telegram(String value) {
    String name = value.startsWith("@") ? value.substring(1) : value;
    if (name.isEmpty()) {
      throw new InvalidIdentityException("empty Telegram username");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** The WhatsApp id (E.164 digits) a normalized phone number corresponds to. */
  public static String waIdOfPhone(String e164) {
    return e164.startsWith("+") ? e164.substring(1) : e164;
  }
}
