package dev.lethe.core.desk;

import dev.lethe.core.Lethe;
import dev.lethe.core.hold.LegalHold;
import dev.lethe.core.ledger.Ledger;
import dev.lethe.core.mail.MailComposer;
import dev.lethe.core.mail.Mailer;
import dev.lethe.core.receipt.Receipt;
import dev.lethe.core.request.RequestStore;
import dev.lethe.core.request.Requests;
import dev.lethe.core.request.Verifications;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link Desk} works with.
 *
 * @param holds the legal holds in force now (read anew for every use)
 * @param finished told of every run's receipt once it is in the ledger (metrics)
 * @param settings read anew for every use (the public address may be known only once the server
 *     listens)
 */
public record DeskParts(
    Requests requests,
    RequestStore store,
    Verifications verifications,
    Lethe lethe,
    Ledger ledger,
    Supplier<List<LegalHold>> holds,
    MailComposer composer,
    Mailer mailer,
    Work work,
    Supplier<DeskSettings> settings,
    Consumer<Receipt> finished,
    Clock clock) {

  public DeskParts {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(verifications, "verifications");
    Objects.requireNonNull(lethe, "lethe");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(holds, "holds");
    Objects.requireNonNull(composer, "composer");
    Objects.requireNonNull(mailer, "mailer");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(clock, "clock");
  }

  ErasureReceipts receipts() {
    return new ErasureReceipts(ledger);
  }
}
