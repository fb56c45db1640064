package dev.lethe.core.request;

import java.util.Objects;

/** The contact of an open request as stored: its address sealed, its language in clear. */
record SealedContact(String sealedAddress, String language) {
  SealedContact {
    Objects.requireNonNull(sealedAddress, "sealedAddress");
    Objects.requireNonNull(language, "language");
  }
}
