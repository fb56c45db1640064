package dev.lethe.core.desk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the desk treats requests.
 *
 * @param publicBaseUrl where people reach the service: status and verification links start here
 * @param verificationValidity how long a mailed verification link or code stays valid
 * @param backupRetention how long backups keep data, so receipts can state when they no longer hold
 *     what was deleted
 */
public record DeskSettings(
    URI publicBaseUrl, Duration verificationValidity, Duration backupRetention) {

  public DeskSettings {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    Objects.requireNonNull(verificationValidity, "verificationValidity");
    Objects.requireNonNull(backupRetention, "backupRetention");
    if (verificationValidity.isNegative() || verificationValidity.isZero()) {
      throw new IllegalArgumentException("verification links must stay valid for some time");
    }
    if (backupRetention.isNegative()) {
      throw new IllegalArgumentException("backup retention must not be negative");
    }
    String base = publicBaseUrl.toString();
    if (base.endsWith("/")) {
      publicBaseUrl = URI.create(base.substring(0, base.length() - 1));
    }
  }

  public static DeskSettings of(URI publicBaseUrl) {
    return new DeskSettings(publicBaseUrl, Duration.ofHours(48), Duration.ofDays(30));
  }

  public URI statusUrl(String confirmationCode) {
    return URI.create(publicBaseUrl + "/data-deletion/status?id=" + confirmationCode);
  }

  public URI verificationUrl(String token) {
    return URI.create(publicBaseUrl + "/data-deletion/verify?token=" + token);
  }
}
