package dev.lethe.core.state;

import static dev.lethe.core.state.StateTables.SETTINGS;
import static dev.lethe.core.state.StateTables.SETTING_NAME;
import static dev.lethe.core.state.StateTables.SETTING_VALUE;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The installation secret kept in {@code lethe_settings}, generated on first use. Production
 * installations should pass their own secret instead (kept outside the database).
 */
public final class InstallationSecret {

  private static final String NAME = "secret";

  private InstallationSecret() {}

  /** The stored secret; a new one is stored first if there is none (one wins if two race). */
  public static byte[] of(DSLContext dsl) {
    Optional<String> stored = stored(dsl);
    if (stored.isPresent()) {
      return HexFormat.of().parseHex(stored.get());
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      dsl.insertInto(SETTINGS, SETTING_NAME, SETTING_VALUE)
          .values(NAME, HexFormat.of().formatHex(secret))
          .execute();
      return secret;
    } catch (RuntimeException raced) {
      return HexFormat.of().parseHex(stored(dsl).orElseThrow(() -> raced));
    }
  }

  private static Optional<String> stored(DSLContext dsl) {
    return dsl.select(SETTING_VALUE)
        .from(SETTINGS)
        .where(SETTING_NAME.eq(NAME))
        .fetchOptional(SETTING_VALUE);
  }
}
