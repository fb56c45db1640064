package dev.lethe.server.requests;

import dev.lethe.core.Lethe;
import dev.lethe.core.deadline.BusinessCalendar;
import dev.lethe.core.deadline.Deadlines;
import dev.lethe.core.deadline.ProductPromises;
import dev.lethe.core.deadline.Promise;
import dev.lethe.core.deadline.Span;
import dev.lethe.core.desk.Desk;
import dev.lethe.core.desk.DeskParts;
import dev.lethe.core.desk.DeskSettings;
import dev.lethe.core.desk.Work;
import dev.lethe.core.identity.KeyedHasher;
import dev.lethe.core.identity.Sealer;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.mail.MailComposer;
import dev.lethe.core.mail.Mailer;
import dev.lethe.core.request.RequestSource;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.Verifications;
import dev.lethe.server.config.PublicAddress;
import dev.lethe.server.holds.HoldsInForce;
import dev.lethe.server.metrics.RequestMetrics;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request lifecycle with its due dates, verifications, and the desk that runs it all. */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {

  /**
   * The product's promises from {@code lethe.requests.*}: the due dates, and the pages, say them.
   */
  @Bean
  ProductPromises productPromises(RequestProperties properties) {
    ProductPromises promises =
        ProductPromises.of(
            promise(properties.acknowledgeWithin().orElse(null), properties.completeWithin()));
    for (Map.Entry<String, RequestProperties.SourcePromise> door :
        properties.bySource().entrySet()) {
      RequestSource source;
      try {
        source = RequestSource.fromCode(door.getKey().replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "lethe.requests.by-source." + door.getKey() + ": " + e.getMessage());
      }
      promises =
          promises.with(
              source,
              promise(
                  door.getValue().acknowledgeWithin().orElse(null),
                  door.getValue().completeWithin()));
    }
    return promises;
  }

  @Bean
  Deadlines deadlines(ProductPromises promises, RequestProperties properties, Clock clock) {
    BusinessCalendar calendar =
        BusinessCalendar.of(ZoneId.of(properties.zone())).withHolidays(properties.holidays());
    return new Deadlines(clock, promises, calendar);
  }

  private static Promise promise(String acknowledge, String complete) {
    Span completeWithin = Span.parse(complete);
    return acknowledge == null || acknowledge.isBlank()
        ? Promise.completeWithin(completeWithin)
        : Promise.acknowledgeAndComplete(Span.parse(acknowledge), completeWithin);
  }

  @Bean
  Requests requests(
      RequestStore store, KeyedHasher hasher, Sealer sealer, Deadlines deadlines, Clock clock) {
    return new Requests(store, hasher, sealer, deadlines, clock);
  }

  @Bean
  Verifications verifications(RequestStore store, KeyedHasher hasher, Clock clock) {
    return new Verifications(store, hasher, clock);
  }

  @Bean
  Desk desk(
      Requests requests,
      RequestStore store,
      Verifications verifications,
      Lethe lethe,
      Ledger ledger,
      HoldsInForce holds,
      MailComposer composer,
      Mailer mailer,
      Work work,
      RequestProperties properties,
      PublicAddress address,
      RequestMetrics metrics,
      Clock clock) {
    return new Desk(
        new DeskParts(
            requests,
            store,
            verifications,
            lethe,
            ledger,
            holds,
            composer,
            mailer,
            work,
            () ->
                new DeskSettings(
                    address.base(),
                    properties.verificationValidity(),
                    properties.backupRetention()),
            metrics,
            clock));
  }
}
