package dev.lethe.server.requests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lethe.requests.*}: the product's promises and the calendar due dates are counted in, and
 * how requests are treated; see docs/configuration.md and docs/deadlines.md.
 *
 * @param acknowledgeWithin the standard promise to acknowledge (a span: {@code 2 business days});
 *     none when empty
 * @param completeWithin the standard promise to complete ({@code 30 days})
 * @param bySource promises replacing the standard one for a door ({@code self_service}, {@code
 *     meta_callback} …)
 * @param zone the zone business days and dates are counted in
 * @param holidays dates that are not business days
 * @param defaultJurisdiction for requests that name none
 * @param verificationValidity how long a mailed verification link or code stays valid
 * @param backupRetention how long backups keep data: receipts state when they no longer hold it
 */
@ConfigurationProperties("lethe.requests")
public record RequestProperties(
    Optional<String> acknowledgeWithin,
    @DefaultValue("30 days") String completeWithin,
    @DefaultValue Map<String, SourcePromise> bySource,
    @DefaultValue("UTC") String zone,
    @DefaultValue List<LocalDate> holidays,
    @DefaultValue("OTHER") String defaultJurisdiction,
    @DefaultValue("48h") Duration verificationValidity,
    @DefaultValue("30d") Duration backupRetention) {

  public RequestProperties {
    acknowledgeWithin = acknowledgeWithin == null ? Optional.empty() : acknowledgeWithin;
  }

  /** A door's own promise, replacing the standard one whole. */
  public record SourcePromise(Optional<String> acknowledgeWithin, String completeWithin) {
    public SourcePromise {
      acknowledgeWithin = acknowledgeWithin == null ? Optional.empty() : acknowledgeWithin;
    }
  }
}
