package dev.lethe.core.scan;

import dev.lethe.core.identity.IdentityKind;
import java.util.Optional;

/** The kinds of personal data the scan recognizes in column names. */
enum PersonalCategory {
  NAME("a person's name"),
  EMAIL("an e-mail address", IdentityKind.EMAIL),
  PHONE("a phone number", IdentityKind.PHONE),
  WHATSAPP_ID("a WhatsApp id", IdentityKind.WA_ID),
  PAGE_SCOPED_ID("a Messenger page-scoped id", IdentityKind.PSID),
  INSTAGRAM_SCOPED_ID("an Instagram-scoped id", IdentityKind.IGSID),
  META_USER_ID("a Meta user id", IdentityKind.META_USER_ID),
  TELEGRAM("a Telegram username", IdentityKind.TELEGRAM),
  PLATFORM_USER_ID("a user id on an external platform"),
  NETWORK("an IP address or user agent"),
  ADDRESS("a postal address"),
  BIRTH("a birth date or age"),
  SECRET("a password, token or secret"),
  FREE_TEXT("free text"),
  ATTRIBUTE_BAG("a bag of attributes"),
  FILE("a stored file or its key"),
  UPLOAD_URL("the URL of a picture or upload"),
  LOCATION("a location"),
  GENDER("gender"),
  GOVERNMENT_ID("a national, tax or passport id");

  private final String description;
  private final IdentityKind identity;

  PersonalCategory(String description) {
    this(description, null);
  }

  PersonalCategory(String description, IdentityKind identity) {
    this.description = description;
    this.identity = identity;
  }

  String description() {
    return description;
  }

  /** The identity kind a data map would declare such a column as, if any. */
  Optional<IdentityKind> identity() {
    return Optional.ofNullable(identity);
  }
}
