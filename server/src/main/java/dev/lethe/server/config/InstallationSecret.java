package dev.lethe.server.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The installation secret that keys identity hashes and seals open requests' identities: {@code
 * lethe.secret} ({@code LETHE_SECRET}) when set, else one generated once and kept in a file under
 * the data directory, readable by its owner only.
 */
public final class InstallationSecret {

  static final String FILE_NAME = "installation-secret";

  private InstallationSecret() {}

  static byte[] resolve(Optional<String> configured, Path dataDir) {
    if (configured.filter(s -> !s.isBlank()).isPresent()) {
      String secret = configured.get();
      if (secret.length() < 16) {
        throw new IllegalStateException("lethe.secret must be at least 16 characters");
      }
      return secret.getBytes(StandardCharsets.UTF_8);
    }
    return readOrCreate(dataDir.resolve(FILE_NAME));
  }

  /** Reads a secret kept in a file, or writes a new random one there (hex, 32 bytes). */
  public static byte[] readOrCreate(Path file) {
    return SecretFile.readOrWrite(
            file,
            () -> {
              byte[] random = new byte[32];
              new SecureRandom().nextBytes(random);
              return HexFormat.of().formatHex(random);
            })
        .getBytes(StandardCharsets.UTF_8);
  }
}
