package dev.lethe.core.request;

import java.util.Objects;

/** One identity of an open request as stored: its kind in clear, its value sealed. */
record SealedIdentity(String kind, String sealedValue) {
  SealedIdentity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sealedValue, "sealedValue");
  }
}
